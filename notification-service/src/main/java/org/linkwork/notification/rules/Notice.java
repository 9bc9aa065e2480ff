package org.linkwork.notification.rules;

import java.util.UUID;

/** One notification the rules ask for: to whom, in what role, and what it says. */
public record Notice(Recipient recipient, RecipientKind kind, UUID referralId, String title, String body) {
}
