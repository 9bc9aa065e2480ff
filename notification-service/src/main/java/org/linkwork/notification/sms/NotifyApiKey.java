package org.linkwork.notification.sms;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.linkwork.notification.delivery.HmacSha256;

/**
 * A GOV.UK Notify API key ({@code <key name>-<service id>-<secret>}, the two last parts UUIDs) and the
 * short-lived bearer token Notify expects: a JWT signed HS256 with the secret, {@code iss} the
 * service id and {@code iat} the current time in seconds.
 */
public record NotifyApiKey(String serviceId, String secret) {

    private static final int UUID_LENGTH = 36;

    public static NotifyApiKey parse(String apiKey) {
        String key = apiKey == null ? "" : apiKey.strip();
        if (key.length() < 2 * UUID_LENGTH + 1) {
            throw new IllegalArgumentException("a Notify API key ends with the service id and the secret, two UUIDs joined by '-'");
        }
        String secret = key.substring(key.length() - UUID_LENGTH);
        String serviceId = key.substring(key.length() - 2 * UUID_LENGTH - 1, key.length() - UUID_LENGTH - 1);
        return new NotifyApiKey(serviceId, secret);
    }

    public String bearerToken(Instant now) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"typ\":\"JWT\",\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8));
        String claims = b64.encodeToString(("{\"iss\":\"" + serviceId + "\",\"iat\":" + now.getEpochSecond() + "}")
                .getBytes(StandardCharsets.UTF_8));
        String signingInput = header + "." + claims;
        return signingInput + "." + b64.encodeToString(HmacSha256.of(secret, signingInput));
    }

    @Override
    public String toString() {
        return "NotifyApiKey[" + serviceId + "]"; // never the secret
    }
}
