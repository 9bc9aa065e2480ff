package org.linkwork.notification.rules;

import java.util.Objects;
import java.util.Set;

/**
 * Whose inbox a notification goes to: one user, by username, or the holders of one role within an
 * organisation: "referrers of practice Y90001", "providers of organisation X". An organisation's
 * notice is read only by callers whose token carries that {@code org_id} and that role, so a link
 * worker or provider who happens to carry a practice's code never reads its referrers' inbox.
 *
 * @param role for an organisation, the role it is addressed to ({@link #REFERRER} or {@link #PROVIDER});
 *             null for a user, who is addressed by username alone
 */
public record Recipient(Type type, String id, String role) {

    public static final String REFERRER = "referrer";
    public static final String PROVIDER = "provider";
    /** The roles an organisation's notices can be addressed to. */
    public static final Set<String> ORGANISATION_ROLES = Set.of(REFERRER, PROVIDER);

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

    public Recipient {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        if (type == Type.USER && role != null) {
            throw new IllegalArgumentException("a user is addressed by username alone");
        }
        if (type == Type.ORGANISATION && (role == null || !ORGANISATION_ROLES.contains(role))) {
            throw new IllegalArgumentException("an organisation's notice is addressed to one of " + ORGANISATION_ROLES + ", not " + role);
        }
    }

    public static Recipient user(String username) {
        return new Recipient(Type.USER, username, null);
    }

    /** The referrers of a practice (its ODS code). */
    public static Recipient referrersOf(String organisation) {
        return new Recipient(Type.ORGANISATION, organisation, REFERRER);
    }

    /** The providers of a provider organisation. */
    public static Recipient providersOf(String organisation) {
        return new Recipient(Type.ORGANISATION, organisation, PROVIDER);
    }
}
