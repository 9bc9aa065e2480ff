package org.linkwork.notification.rules;

import java.util.UUID;

/**
 * One notification for staff the rules ask for: which rule, to whom, and what it says. Staff
 * notices are English and name a referral only by its short reference.
 *
 * @param referralId null for notices about something other than a referral (a directory entry)
 */
public record Notice(Rule rule, Recipient recipient, UUID referralId, String title, String body) {

    public RecipientKind kind() {
        return rule.audience().kind();
    }
}
