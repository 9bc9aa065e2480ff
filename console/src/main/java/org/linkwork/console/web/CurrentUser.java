package org.linkwork.console.web;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is signed in, as the ID token and the access token's roles say. */
@RequestScoped
public class CurrentUser {

    public static final String LINK_WORKER = "link-worker";

    private final SecurityIdentity identity;
    private final JsonWebToken idToken;

    CurrentUser(SecurityIdentity identity, JsonWebToken idToken) {
        this.identity = identity;
        this.idToken = idToken;
    }

    public boolean signedIn() {
        return !identity.isAnonymous();
    }

    public String username() {
        String preferred = idToken.getClaim("preferred_username");
        return preferred != null ? preferred : identity.getPrincipal().getName();
    }

    /** The name shown in the header: the person's name, else their username. */
    public String displayName() {
        String name = idToken.getClaim("name");
        return name != null && !name.isBlank() ? name : username();
    }

    public boolean linkWorker() {
        return identity.hasRole(LINK_WORKER);
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }
}
