package org.linkwork.referral.lifecycle;

import static org.linkwork.events.ReferralStatus.ACCEPTED;
import static org.linkwork.events.ReferralStatus.ASSESSED;
import static org.linkwork.events.ReferralStatus.CLOSED;
import static org.linkwork.events.ReferralStatus.COMPLETED;
import static org.linkwork.events.ReferralStatus.CONTACTED;
import static org.linkwork.events.ReferralStatus.DECLINED;
import static org.linkwork.events.ReferralStatus.IN_ACTIVITY;
import static org.linkwork.events.ReferralStatus.MATCHED;
import static org.linkwork.events.ReferralStatus.RECEIVED;
import static org.linkwork.events.ReferralStatus.REJECTED;
import static org.linkwork.events.ReferralStatus.UNABLE_TO_CONTACT;
import static org.linkwork.events.ReferralStatus.WITHDRAWN;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.linkwork.events.ReferralStatus;
import org.linkwork.platform.security.Caller;

/**
 * The referral status machine. The exits (declined, rejected, unable to contact, withdrawn) and
 * closed are final. A matched or in-activity referral may go back: to assessed when the person is
 * re-assessed, to matched when an activity ends early and another is chosen.
 */
public final class Transitions {

    public static final String SYSTEM = "system";

    private static final Map<ReferralStatus, Set<ReferralStatus>> NEXT = new EnumMap<>(ReferralStatus.class);

    static {
        NEXT.put(RECEIVED, EnumSet.of(ACCEPTED, REJECTED, WITHDRAWN));
        NEXT.put(ACCEPTED, EnumSet.of(CONTACTED, UNABLE_TO_CONTACT, DECLINED, WITHDRAWN));
        NEXT.put(CONTACTED, EnumSet.of(ASSESSED, UNABLE_TO_CONTACT, DECLINED, WITHDRAWN));
        NEXT.put(ASSESSED, EnumSet.of(MATCHED, DECLINED, WITHDRAWN, CLOSED));
        NEXT.put(MATCHED, EnumSet.of(ASSESSED, IN_ACTIVITY, DECLINED, WITHDRAWN, CLOSED));
        NEXT.put(IN_ACTIVITY, EnumSet.of(COMPLETED, MATCHED, DECLINED, WITHDRAWN));
        NEXT.put(COMPLETED, EnumSet.of(CLOSED));
        for (ReferralStatus s : ReferralStatus.values()) {
            NEXT.putIfAbsent(s, EnumSet.noneOf(ReferralStatus.class));
        }
    }

    /** Statuses only the platform sets: matched comes from matching; assessed from recording an assessment. */
    private static final Set<ReferralStatus> SYSTEM_ONLY = EnumSet.of(MATCHED, ASSESSED);

    /** Leaving the lifecycle early needs a coded reason. */
    private static final Set<ReferralStatus> NEEDS_REASON = EnumSet.of(DECLINED, REJECTED, UNABLE_TO_CONTACT, WITHDRAWN);

    private Transitions() {
    }

    public static boolean allowed(ReferralStatus from, ReferralStatus to) {
        return NEXT.get(from).contains(to);
    }

    /** Where someone in this role may move a referral by hand from {@code from}. */
    public static List<ReferralStatus> allowedFor(ReferralStatus from, String role) {
        if (SYSTEM.equals(role)) {
            return List.copyOf(NEXT.get(from));
        }
        if (Caller.REFERRER.equals(role)) {
            // a referrer can take a referral back while it is still open, nothing else
            return NEXT.get(from).contains(WITHDRAWN) ? List.of(WITHDRAWN) : List.of();
        }
        if (Caller.LINK_WORKER.equals(role) || Caller.ADMIN.equals(role)) {
            return NEXT.get(from).stream().filter(s -> !SYSTEM_ONLY.contains(s)).toList();
        }
        return Collections.emptyList();
    }

    public static boolean needsReason(ReferralStatus to) {
        return NEEDS_REASON.contains(to);
    }
}
