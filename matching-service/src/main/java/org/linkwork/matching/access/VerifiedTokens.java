package org.linkwork.matching.access;

import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Bearer tokens this instance has verified, with the identity each one proved. Checking a token's
 * RS256 signature and parsing its claims is most of the cost of a cached read; a link worker's
 * screen sends the same token many times a minute. An entry is used only while the token itself is
 * unexpired and for at most {@code max-age}; a token is only ever remembered after the OIDC
 * provider accepted it, so a failed or tampered token always goes to full verification.
 */
@ApplicationScoped
public class VerifiedTokens {

    /** Attributes that belong to the request that verified the token, not to the token. */
    static final String[] PER_REQUEST_ATTRIBUTES = {
        RoutingContext.class.getName(),
        AuthenticationRequestContext.class.getName()
    };

    record Verified(SecurityIdentity identity, Instant usableUntil) {
    }

    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final TokenCacheSettings settings;
    private final Clock clock;

    @Inject
    VerifiedTokens(TokenCacheSettings settings) {
        this(settings, Clock.systemUTC());
    }

    VerifiedTokens(TokenCacheSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** The identity the token proved, if it was verified recently and is still in date; null otherwise. */
    SecurityIdentity recall(String token) {
        if (settings.size() == 0) {
            return null;
        }
        Verified known = verified.get(token);
        if (known == null) {
            return null;
        }
        if (!clock.instant().isBefore(known.usableUntil())) {
            verified.remove(token, known);
            return null;
        }
        return known.identity();
    }

    /** Remembers an identity the OIDC provider has just established from a bearer token. */
    void remember(SecurityIdentity identity) {
        if (settings.size() == 0 || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return;
        }
        TokenCredential credential = identity.getCredential(TokenCredential.class);
        if (credential == null || credential.getToken() == null || jwt.getExpirationTime() <= 0) {
            return;
        }
        Instant now = clock.instant();
        Instant expires = Instant.ofEpochSecond(jwt.getExpirationTime());
        Instant until = now.plus(settings.maxAge());
        if (expires.isBefore(until)) {
            until = expires;
        }
        if (!now.isBefore(until) || verified.containsKey(credential.getToken())) {
            return;
        }
        if (verified.size() >= settings.size()) {
            // the out-of-date first; failing that any one: what matters is the bound, and a token
            // dropped early is only verified again
            verified.values().removeIf(entry -> !now.isBefore(entry.usableUntil()));
            Iterator<String> any = verified.keySet().iterator();
            if (verified.size() >= settings.size() && any.hasNext()) {
                verified.remove(any.next());
            }
        }
        verified.put(credential.getToken(), new Verified(withoutRequest(identity), until));
    }

    /** The identity with the verifying request's own objects cleared, so a remembered entry holds no request. */
    static SecurityIdentity withoutRequest(SecurityIdentity identity) {
        QuarkusSecurityIdentity.Builder copy = QuarkusSecurityIdentity.builder(identity);
        for (String attribute : PER_REQUEST_ATTRIBUTES) {
            copy.addAttribute(attribute, null);
        }
        return copy.build();
    }

    int size() {
        return verified.size();
    }
}
