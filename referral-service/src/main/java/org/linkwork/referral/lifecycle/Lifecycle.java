package org.linkwork.referral.lifecycle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import org.linkwork.events.ReferralStatus;
import org.linkwork.events.ReferralStatusChanged;
import org.linkwork.platform.outbox.Outbox;
import org.linkwork.referral.Referral;

/** Moves referrals between statuses, keeping the audit trail and announcing each move. */
@ApplicationScoped
public class Lifecycle {

    final Outbox outbox;

    Lifecycle(Outbox outbox) {
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void move(Referral referral, ReferralStatus to, String by, String role, String reasonCode) {
        ReferralStatus from = referral.status;
        if (from == to) {
            return;
        }
        Instant now = Instant.now();
        StatusChange change = new StatusChange();
        change.id = UUID.randomUUID();
        change.referralId = referral.id;
        change.fromStatus = from.code();
        change.toStatus = to.code();
        change.changedBy = by;
        change.changedRole = role;
        change.reasonCode = reasonCode;
        change.changedAt = now;
        change.persist();

        referral.status = to;
        referral.updatedAt = now;
        outbox.publish(new ReferralStatusChanged(referral.id.toString(), referral.person.personRef,
                referral.referrerOrganization, referral.linkWorker, from.code(), to.code(), reasonCode, role, now));
    }
}
