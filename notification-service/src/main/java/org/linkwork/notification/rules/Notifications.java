package org.linkwork.notification.rules;

import java.util.List;

/** What one event asks for: notices for staff and messages for the person. */
public record Notifications(List<Notice> notices, List<PersonMessage> messages) {

    public static Notifications of(List<Notice> notices) {
        return new Notifications(notices, List.of());
    }

    public boolean isEmpty() {
        return notices.isEmpty() && messages.isEmpty();
    }
}
