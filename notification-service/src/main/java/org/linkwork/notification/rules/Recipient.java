package org.linkwork.notification.rules;

/**
 * Whose inbox a notification goes to: one user, by username, or everyone of an organisation, by its
 * {@code org_id} (a GP practice's referrers share one inbox for their referrals).
 */
public record Recipient(Type type, String id) {

    public enum Type {
        USER("user"),
        ORGANISATION("organisation");

        private final String code;

        Type(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    public static Recipient user(String username) {
        return new Recipient(Type.USER, username);
    }

    public static Recipient organisation(String organisation) {
        return new Recipient(Type.ORGANISATION, organisation);
    }
}
