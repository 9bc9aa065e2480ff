package org.linkwork.notification.messages;

import java.util.List;

/**
 * A message for a person in words: a subject and text for e-mail (whose HTML part is made from the
 * same paragraphs), and a short text for SMS.
 */
public record PersonMessageText(String language, String subject, String text, String html, String sms) {

    /** The e-mail text as paragraphs, as the HTML part shows them. */
    public List<String> paragraphs() {
        return List.of(text.split("\\n\\s*\\n"));
    }
}
