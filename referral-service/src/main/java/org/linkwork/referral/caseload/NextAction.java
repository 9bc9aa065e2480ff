package org.linkwork.referral.caseload;

import org.linkwork.events.ReferralStatus;

/** What a link worker does next with a referral in each status, in their words. */
final class NextAction {

    private NextAction() {
    }

    static String of(ReferralStatus status, boolean overdue) {
        String next = switch (status) {
            case RECEIVED -> "Accept or reject the referral";
            case ACCEPTED -> "Make first contact";
            case CONTACTED -> "Record what matters to the person";
            case ASSESSED -> "Wait for activity matches";
            case MATCHED -> "Choose an activity with the person";
            case IN_ACTIVITY -> "Check how the activity is going";
            case COMPLETED -> "Record the follow-up and close";
            default -> "Nothing: the referral is closed";
        };
        return overdue ? next + " (first contact overdue)" : next;
    }
}
