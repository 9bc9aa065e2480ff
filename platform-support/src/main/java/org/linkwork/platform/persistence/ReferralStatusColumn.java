package org.linkwork.platform.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.linkwork.events.ReferralStatus;

/** Stores a referral status as its code ("in-activity"), so tables read the same as the events. */
@Converter(autoApply = true)
public class ReferralStatusColumn implements AttributeConverter<ReferralStatus, String> {

    @Override
    public String convertToDatabaseColumn(ReferralStatus status) {
        return status == null ? null : status.code();
    }

    @Override
    public ReferralStatus convertToEntityAttribute(String code) {
        return code == null ? null : ReferralStatus.fromCode(code)
                .orElseThrow(() -> new IllegalStateException("the database holds an unknown referral status code"));
    }
}
