package org.linkwork.referral.lifecycle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.linkwork.events.ReferralStatus;
import org.linkwork.events.ReferralStatusChanged;
import org.linkwork.platform.outbox.Outbox;
import org.linkwork.platform.problem.Problem;
import org.linkwork.platform.problem.ProblemException;
import org.linkwork.referral.Referral;
import org.linkwork.referral.timeline.Timeline;

/** Moves referrals between statuses, keeping the audit trail and announcing each move. */
@ApplicationScoped
public class Lifecycle {

    final Outbox outbox;
    final Timeline timeline;
    final Event<ReferralMoved> moved;

    Lifecycle(Outbox outbox, Timeline timeline, Event<ReferralMoved> moved) {
        this.outbox = outbox;
        this.timeline = timeline;
        this.moved = moved;
    }

    /**
     * Moves the referral, or refuses with 409 naming the statuses this role may move it to.
     *
     * @param comment why, in words; stays in this service
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void move(Referral referral, ReferralStatus to, String by, String role, String reasonCode, String comment) {
        if (!Transitions.allowed(referral.status, to) || !Transitions.allowedFor(referral.status, role).contains(to)) {
            throw illegal(referral, to, role);
        }
        apply(referral, to, by, role, reasonCode, comment);
    }

    /**
     * A step the platform takes as a consequence of something else (an assessment recorded,
     * activities proposed): only the status machine limits it, not the role's hand-made moves.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void follow(Referral referral, ReferralStatus to, String by, String role, String reasonCode) {
        if (!Transitions.allowed(referral.status, to)) {
            throw illegal(referral, to, role);
        }
        apply(referral, to, by, role, reasonCode, null);
    }

    private void apply(Referral referral, ReferralStatus to, String by, String role, String reasonCode, String comment) {
        ReferralStatus from = referral.status;
        Instant now = Instant.now();
        StatusChange change = new StatusChange();
        change.id = UUID.randomUUID();
        change.referralId = referral.id;
        change.fromStatus = from.code();
        change.toStatus = to.code();
        change.changedBy = by;
        change.changedRole = role;
        change.reasonCode = reasonCode;
        change.comment = comment;
        change.changedAt = now;
        change.persist();

        referral.status = to;
        referral.updatedAt = now;
        if (to == ReferralStatus.CONTACTED && referral.firstContactedAt == null) {
            referral.firstContactedAt = now;
        }
        timeline.add(referral, "status", from.code() + " → " + to.code() + (reasonCode == null ? "" : " (" + reasonCode + ")"), by, role);
        outbox.publish(new ReferralStatusChanged(referral.id.toString(), referral.person.personRef,
                referral.referrerOrganization, referral.linkWorker, from.code(), to.code(), reasonCode, role, now,
                referral.teamId, Transitions.SYSTEM.equals(role) ? null : by));
        moved.fire(new ReferralMoved(referral, from, to, by, role, reasonCode));
    }

    static ProblemException illegal(Referral referral, ReferralStatus to, String role) {
        List<String> allowed = Transitions.allowedFor(referral.status, role).stream().map(ReferralStatus::code).toList();
        return new ProblemException(Problem.of("invalid-transition", "This status change is not allowed", 409,
                "A referral that is " + referral.status.code() + " cannot become " + to.code()
                        + (allowed.isEmpty() ? "; no change is open to you now" : "; allowed: " + String.join(", ", allowed)),
                List.of()).with("currentStatus", referral.status.code()).with("allowed", allowed));
    }
}
