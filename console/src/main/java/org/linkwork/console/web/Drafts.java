package org.linkwork.console.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.linkwork.console.ConsoleConfig;

/**
 * What a person typed into a form they sent after their session had ended. It is kept, encrypted
 * and for a short while, in a cookie of their own browser (the console stores nothing), and put
 * back into the same form once they have signed in again, but only for the person who typed it: the
 * form carries an owner mark that only their sign-in reproduces.
 */
@RequestScoped
public class Drafts {

    static final String COOKIE = "console-draft";
    static final String OWNER_FIELD = "form-owner";
    /** Browsers keep about 4 KB a cookie; a longer draft is not kept rather than cut. */
    static final int MAX_COOKIE = 3800;
    private static final Set<String> NOT_KEPT = Set.of(CsrfToken.FIELD, "idempotency-key");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A restored draft: the address the form was sent to and its fields. */
    public record Draft(String action, Form form) {
    }

    private final RoutingContext http;
    private final ObjectMapper json;
    private final CsrfToken csrf;
    private final SecretKeySpec key;
    private final Duration keepFor;
    private final boolean secure;

    Drafts(RoutingContext http, ObjectMapper json, CsrfToken csrf, ConsoleConfig config) {
        this.http = http;
        this.json = json;
        this.csrf = csrf;
        this.key = keyOf(config);
        this.keepFor = config.drafts().keepFor();
        this.secure = config.secureCookies();
    }

    static SecretKeySpec keyOf(ConsoleConfig config) {
        return new SecretKeySpec(sha256("draft|" + config.sessionSecret()), "AES");
    }

    /** The cookie value for a kept form, or null when it is too long to keep. */
    static String sealed(ObjectMapper json, SecretKeySpec key, String page, String action, Map<String, List<String>> fields) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("page", page);
        payload.put("action", action);
        payload.put("at", Instant.now().getEpochSecond());
        Map<String, List<String>> kept = new LinkedHashMap<>();
        fields.forEach((name, values) -> {
            if (!NOT_KEPT.contains(name)) {
                kept.put(name, values);
            }
        });
        payload.put("fields", kept);
        try {
            String sealed = seal(key, json.writeValueAsBytes(payload));
            return sealed.length() > MAX_COOKIE ? null : sealed;
        } catch (Exception e) {
            return null;
        }
    }

    /** The draft kept for this page, if its owner is the person signed in now; it is used up either way. */
    @SuppressWarnings("unchecked")
    public Optional<Draft> take(String page) {
        Cookie cookie = http.request().getCookie(COOKIE);
        if (cookie == null) {
            return Optional.empty();
        }
        try {
            Map<String, Object> payload = json.readValue(open(cookie.getValue()), Map.class);
            if (!page.equals(pathOf(payload.get("page"))) && !page.equals(parentOf(pathOf(payload.get("page"))))) {
                return Optional.empty();
            }
            http.response().addCookie(cookie("", 0, secure));
            long at = ((Number) payload.get("at")).longValue();
            Map<String, List<String>> fields = (Map<String, List<String>>) payload.get("fields");
            List<String> owner = fields.get(OWNER_FIELD);
            if (Instant.now().getEpochSecond() - at > keepFor.toSeconds() || owner == null || owner.isEmpty() || !csrf.ownedByMe(owner.get(0))) {
                return Optional.empty();
            }
            return Optional.of(new Draft(String.valueOf(payload.get("action")), Form.of(fields)));
        } catch (Exception unreadable) {
            http.response().addCookie(cookie("", 0, secure));
            return Optional.empty();
        }
    }

    private static String pathOf(Object page) {
        String text = String.valueOf(page);
        int query = text.indexOf('?');
        return query < 0 ? text : text.substring(0, query);
    }

    /** A form shown by a POST (check answers) returns to the page above it. */
    private static String parentOf(String path) {
        int parent = path.lastIndexOf('/');
        return parent > 0 ? path.substring(0, parent) : path;
    }

    static Cookie cookie(String value, long maxAge, boolean secure) {
        return Cookie.cookie(COOKIE, value).setPath("/").setHttpOnly(true).setSecure(secure).setSameSite(CookieSameSite.LAX).setMaxAge(maxAge);
    }

    private static String seal(SecretKeySpec key, byte[] plain) throws GeneralSecurityException {
        byte[] iv = new byte[12];
        RANDOM.nextBytes(iv);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
        byte[] sealed = cipher.doFinal(plain);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
    }

    private byte[] open(String value) throws GeneralSecurityException {
        byte[] all = Base64.getUrlDecoder().decode(value);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, 12));
        return cipher.doFinal(all, 12, all.length - 12);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
