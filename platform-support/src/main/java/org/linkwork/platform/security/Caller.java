package org.linkwork.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling: username, roles, and the organisation from the token's {@code org_id} claim (a GP
 * practice ODS code or a provider id). Organisation checks compare against it.
 */
@RequestScoped
public class Caller {

    public static final String REFERRER = "referrer";
    public static final String LINK_WORKER = "link-worker";
    public static final String PROVIDER = "provider";
    public static final String ANALYST = "analyst";
    public static final String ADMIN = "admin";

    final SecurityIdentity identity;
    final JsonWebToken token;

    Caller(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    /** The user's name, or the client id for a client-credentials token. */
    public String username() {
        String preferred = token.getClaim("preferred_username");
        if (preferred != null) {
            return preferred;
        }
        return identity.getPrincipal() == null ? null : identity.getPrincipal().getName();
    }

    public Optional<String> organisation() {
        Object org = token.getClaim("org_id");
        String value = org instanceof jakarta.json.JsonString s ? s.getString() : org == null ? null : org.toString();
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public boolean isAdmin() {
        return hasRole(ADMIN);
    }

    /** True when the caller belongs to the organisation (admins belong to every one). */
    public boolean belongsTo(String organisationId) {
        return isAdmin() || organisation().map(o -> o.equals(organisationId)).orElse(false);
    }
}
