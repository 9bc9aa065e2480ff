package org.linkwork.console.web;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.linkwork.console.ConsoleConfig;

/**
 * The per-session CSRF token: an HMAC of the person and their Keycloak session ({@code sid}) under
 * the console's secret. Nothing is stored; another person's or another session's token never
 * matches, and signing in again makes a new one. Templates read it as {@code {inject:csrf.token}}.
 */
@RequestScoped
@Named("csrf")
public class CsrfToken {

    public static final String FIELD = "csrf-token";
    public static final String HEADER = "X-CSRF-Token";

    private final SecurityIdentity identity;
    private final byte[] key;

    CsrfToken(SecurityIdentity identity, ConsoleConfig config) {
        this.identity = identity;
        this.key = config.sessionSecret().getBytes(StandardCharsets.UTF_8);
    }

    public String parameterName() {
        return FIELD;
    }

    /** This session's token; empty when nobody is signed in (then no form can be sent). */
    public String token() {
        String session = session();
        return session == null ? "" : sign(key, session);
    }

    public boolean matches(String presented) {
        String session = session();
        if (session == null || presented == null || presented.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(sign(key, session).getBytes(StandardCharsets.US_ASCII), presented.getBytes(StandardCharsets.US_ASCII));
    }

    /** Marks a form as this person's, whatever session it is sent in: a kept draft is given back only to its owner. */
    public String owner() {
        String subject = subject();
        return subject == null ? "" : sign(key, "owner|" + subject);
    }

    public boolean ownedByMe(String presented) {
        String mine = owner();
        return !mine.isEmpty() && presented != null
                && MessageDigest.isEqual(mine.getBytes(StandardCharsets.US_ASCII), presented.getBytes(StandardCharsets.US_ASCII));
    }

    /** Whether a session could be established for this request (an ended one counts as none). */
    public boolean signedIn() {
        try {
            return !identity.isAnonymous();
        } catch (RuntimeException ended) {
            return false;
        }
    }

    private String subject() {
        if (!signedIn() || !(identity.getPrincipal() instanceof JsonWebToken idToken)) {
            return null;
        }
        return idToken.getSubject();
    }

    private String session() {
        if (!signedIn()) {
            return null;
        }
        if (!(identity.getPrincipal() instanceof JsonWebToken idToken)) {
            return null;
        }
        Object sid = idToken.getClaim("sid");
        // Keycloak names its session in every ID token; without one, the sign-in time stands for it
        Object session = sid != null ? sid : idToken.getClaim("auth_time");
        return idToken.getSubject() + "|" + session;
    }

    static String sign(byte[] key, String session) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(("csrf|" + session).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
