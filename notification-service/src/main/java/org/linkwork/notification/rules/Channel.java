package org.linkwork.notification.rules;

import java.util.Arrays;
import java.util.Optional;

/** How a notification reaches its recipient. {@code preferred} is the person's own choice of e-mail or SMS. */
public enum Channel {
    INBOX("inbox"),
    WEBHOOK("webhook"),
    PREFERRED("preferred"),
    EMAIL("email"),
    SMS("sms");

    private final String code;

    Channel(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<Channel> ofCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equalsIgnoreCase(code.trim())).findFirst();
    }
}
