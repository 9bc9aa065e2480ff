package org.linkwork.notification.rules;

import java.util.UUID;

/**
 * One notification for staff the rules ask for: which rule, to whom, and what it says. Staff
 * notices are English and name a referral only by its short reference.
 *
 * @param referralId null for notices about something other than a referral (a directory entry)
 */
public record Notice(Rule rule, Recipient recipient, UUID referralId, String title, String body) {

    public Notice {
        // an organisation's notice goes to the role the rule speaks to: referrers for a referrer rule, ...
        if (recipient.type() == Recipient.Type.ORGANISATION && !rule.audience().kind().code().equals(recipient.role())) {
            throw new IllegalArgumentException(rule.code() + " is for " + rule.audience().kind().code() + "s, not " + recipient.role() + "s");
        }
    }

    public RecipientKind kind() {
        return rule.audience().kind();
    }
}
