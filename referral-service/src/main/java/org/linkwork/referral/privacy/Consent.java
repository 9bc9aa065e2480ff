package org.linkwork.referral.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.linkwork.events.ReferralStatus;
import org.linkwork.platform.outbox.Outbox;
import org.linkwork.platform.problem.Problem;
import org.linkwork.platform.problem.ProblemException;
import org.linkwork.referral.Person;
import org.linkwork.referral.Referral;
import org.linkwork.referral.lifecycle.Lifecycle;
import org.linkwork.referral.timeline.Timeline;

/**
 * A person's consent and what follows from its withdrawal: the referral leaves the lifecycle (so
 * matching and providers hear no more of it), and notifications stop for the person once no
 * referral of theirs is open with consent.
 */
@ApplicationScoped
public class Consent {

    public static final String WITHDRAWN_REASON = "consent-withdrawn";

    final Lifecycle lifecycle;
    final Outbox outbox;
    final Timeline timeline;

    Consent(Lifecycle lifecycle, Outbox outbox, Timeline timeline) {
        this.lifecycle = lifecycle;
        this.outbox = outbox;
        this.timeline = timeline;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void withdraw(Referral referral, String by, String role) {
        if (!referral.status.isOpen()) {
            throw new ProblemException(Problem.of("referral-closed", "The referral is closed", 409,
                    "A referral that is " + referral.status.code() + " has nothing left to stop", java.util.List.of()));
        }
        Instant now = Instant.now();
        referral.consentWithdrawnAt = now;
        ReferralStatus exit = referral.status == ReferralStatus.COMPLETED ? ReferralStatus.CLOSED : ReferralStatus.WITHDRAWN;
        lifecycle.follow(referral, exit, by, role, WITHDRAWN_REASON);
        timeline.add(referral, "consent", "Consent withdrawn", by, role);
        if (!referral.person.erased()) {
            outbox.publish(referral.person.contactEvent(withdrawnForGood(referral.person), now));
        }
    }

    /** True when the person has withdrawn consent and has no open referral left. */
    public static boolean withdrawnForGood(Person person) {
        boolean anyWithdrawn = Referral.count("person = ?1 and consentWithdrawnAt is not null", person) > 0;
        boolean anyOpen = Referral.<Referral>list("person", person).stream().anyMatch(r -> r.status.isOpen());
        return anyWithdrawn && !anyOpen;
    }
}
