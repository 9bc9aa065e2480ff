package org.linkwork.notification.rules;

/** The part a recipient plays in the referral, as {@code notification-delivered} names it. */
public enum RecipientKind {
    LINK_WORKER("link-worker"),
    REFERRER("referrer"),
    PROVIDER("provider"),
    PERSON("person");

    private final String code;

    RecipientKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
