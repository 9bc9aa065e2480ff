package org.linkwork.referral.loop;

import static org.linkwork.referral.loop.ActivityStatus.ACCEPTED;
import static org.linkwork.referral.loop.ActivityStatus.CANCELLED;
import static org.linkwork.referral.loop.ActivityStatus.COMPLETED;
import static org.linkwork.referral.loop.ActivityStatus.FAILED;
import static org.linkwork.referral.loop.ActivityStatus.IN_PROGRESS;
import static org.linkwork.referral.loop.ActivityStatus.ON_HOLD;
import static org.linkwork.referral.loop.ActivityStatus.REJECTED;
import static org.linkwork.referral.loop.ActivityStatus.REQUESTED;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who may move an activity referral where, after the Gravity guide's Task state table: the
 * requester (the link worker's side) creates it as requested and may cancel it while it is open;
 * the owner (the provider) sets every other status. Rejected, completed, cancelled and failed are final.
 */
public final class ActivityTransitions {

    /** The two parties of a Task. */
    public enum Party {
        REQUESTER, OWNER
    }

    private static final Map<ActivityStatus, Set<ActivityStatus>> OWNER_NEXT = new EnumMap<>(ActivityStatus.class);

    static {
        OWNER_NEXT.put(REQUESTED, EnumSet.of(ACCEPTED, REJECTED));
        // a person who never comes: the provider marks it failed
        OWNER_NEXT.put(ACCEPTED, EnumSet.of(IN_PROGRESS, FAILED));
        OWNER_NEXT.put(IN_PROGRESS, EnumSet.of(ON_HOLD, COMPLETED, FAILED));
        OWNER_NEXT.put(ON_HOLD, EnumSet.of(IN_PROGRESS, FAILED));
        for (ActivityStatus s : ActivityStatus.values()) {
            OWNER_NEXT.putIfAbsent(s, EnumSet.noneOf(ActivityStatus.class));
        }
    }

    /** Leaving without delivering needs a coded reason (e.g. no-capacity, person-unreachable). */
    private static final Set<ActivityStatus> NEEDS_REASON = EnumSet.of(REJECTED, CANCELLED, FAILED);

    private ActivityTransitions() {
    }

    /** The statuses this party may move an activity referral to from {@code from}, in a stable order. */
    public static List<ActivityStatus> allowedFor(ActivityStatus from, Party party) {
        if (party == Party.REQUESTER) {
            return from.isOpen() ? List.of(CANCELLED) : List.of();
        }
        return OWNER_NEXT.get(from).stream().sorted().toList();
    }

    public static boolean needsReason(ActivityStatus to) {
        return NEEDS_REASON.contains(to);
    }
}
