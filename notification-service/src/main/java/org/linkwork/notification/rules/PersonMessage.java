package org.linkwork.notification.rules;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A message for the person referred. It names them only by {@code personRef}: the address, the
 * language and the words are settled when it is sent, from their latest contact details.
 *
 * @param dedupKey what makes it "the same message": the causing event's id, or for a reminder the
 *                 session it is about, so that several updates of one booking remind once
 * @param subjectKey the activity referral a scheduled message is about, so a change can cancel it
 * @param dueAt when to send it (now, or later for reminders and follow-ups)
 * @param details template values that are not personal: a session time, the activity's name
 */
public record PersonMessage(Rule rule, String personRef, UUID referralId, String dedupKey, String subjectKey, Instant dueAt,
        Map<String, String> details) {
}
