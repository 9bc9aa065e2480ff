package org.linkwork.referral.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linkwork.referral.loop.ActivityStatus.ACCEPTED;
import static org.linkwork.referral.loop.ActivityStatus.CANCELLED;
import static org.linkwork.referral.loop.ActivityStatus.COMPLETED;
import static org.linkwork.referral.loop.ActivityStatus.FAILED;
import static org.linkwork.referral.loop.ActivityStatus.IN_PROGRESS;
import static org.linkwork.referral.loop.ActivityStatus.ON_HOLD;
import static org.linkwork.referral.loop.ActivityStatus.REJECTED;
import static org.linkwork.referral.loop.ActivityStatus.REQUESTED;
import static org.linkwork.referral.loop.ActivityTransitions.Party.OWNER;
import static org.linkwork.referral.loop.ActivityTransitions.Party.REQUESTER;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** Gravity's rule of who sets which Task status, one assertion per status and party. */
class ActivityTransitionsTest {

    @Test
    void theRequesterOnlyCancelsAndOnlyWhileOpen() {
        for (ActivityStatus s : ActivityStatus.values()) {
            assertThat(ActivityTransitions.allowedFor(s, REQUESTER)).as(s.code())
                    .isEqualTo(s.isOpen() ? java.util.List.of(CANCELLED) : java.util.List.of());
        }
    }

    @Test
    void theOwnerAnswersStartsHoldsCompletesOrFailsButNeverCancels() {
        assertThat(ActivityTransitions.allowedFor(REQUESTED, OWNER)).containsExactly(ACCEPTED, REJECTED);
        assertThat(ActivityTransitions.allowedFor(ACCEPTED, OWNER)).containsExactly(IN_PROGRESS, FAILED);
        assertThat(ActivityTransitions.allowedFor(IN_PROGRESS, OWNER)).containsExactly(ON_HOLD, COMPLETED, FAILED);
        assertThat(ActivityTransitions.allowedFor(ON_HOLD, OWNER)).containsExactly(IN_PROGRESS, FAILED);
        for (ActivityStatus s : ActivityStatus.values()) {
            assertThat(ActivityTransitions.allowedFor(s, OWNER)).as(s.code()).doesNotContain(CANCELLED, REQUESTED);
        }
    }

    @Test
    void finalStatusesAllowNothing() {
        for (ActivityStatus s : EnumSet.of(REJECTED, COMPLETED, CANCELLED, FAILED)) {
            assertThat(s.isOpen()).isFalse();
            assertThat(ActivityTransitions.allowedFor(s, OWNER)).as(s.code()).isEmpty();
            assertThat(ActivityTransitions.allowedFor(s, REQUESTER)).as(s.code()).isEmpty();
        }
    }

    @Test
    void leavingWithoutDeliveringNeedsAReason() {
        assertThat(EnumSet.allOf(ActivityStatus.class).stream().filter(ActivityTransitions::needsReason))
                .containsExactlyInAnyOrder(REJECTED, CANCELLED, FAILED);
    }
}
