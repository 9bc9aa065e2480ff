package org.linkwork.referral.assessment;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.linkwork.events.Need;
import org.linkwork.events.Postcodes;

/** What a link worker learned in the "what matters to you" conversation, in coded form. */
public record AssessmentRequest(
        @NotEmpty @Size(max = 10) List<@NotNull Need> needs,
        @Size(max = 3) List<@NotNull DeliveryMode> deliveryModes,
        @Size(max = 7) List<@NotNull Day> preferredDays,
        @NotBlank @Pattern(regexp = Postcodes.PATTERN, message = "not a UK postcode") String postcode,
        @DecimalMin("0.0") @DecimalMax("200.0") Double maxTravelKm) {

    public enum DeliveryMode {
        @com.fasterxml.jackson.annotation.JsonProperty("in-person") IN_PERSON,
        @com.fasterxml.jackson.annotation.JsonProperty("online") ONLINE,
        @com.fasterxml.jackson.annotation.JsonProperty("telephone") TELEPHONE;

        public String code() {
            return name().toLowerCase().replace('_', '-');
        }
    }

    public enum Day {
        mon, tue, wed, thu, fri, sat, sun
    }

    public List<DeliveryMode> deliveryModesOrAny() {
        return deliveryModes == null ? List.of() : deliveryModes;
    }

    public List<Day> preferredDaysOrAny() {
        return preferredDays == null ? List.of() : preferredDays;
    }
}
