package org.linkwork.platform.testing;

import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bearer tokens shaped like the linkwork realm's (realm roles in {@code realm_access.roles}, the
 * organisation in {@code org_id}), signed with the test key that {@link LinkworkTestResources} makes
 * the service trust.
 */
public final class TestTokens {

    public static final String ISSUER = "http://127.0.0.1:8180/realms/linkwork";
    private static final PrivateKey KEY = loadKey();

    private TestTokens() {
    }

    public static String token(String username, String role, String organisation) {
        var claims = Jwt.issuer(ISSUER)
                .subject("sub-" + username)
                .claim("preferred_username", username)
                .claim("realm_access", Map.of("roles", List.of(role)))
                .groups(Set.of(role))
                .expiresIn(3600);
        if (organisation != null) {
            claims.claim("org_id", organisation);
        }
        return claims.jws().keyId("linkwork-test").sign(KEY);
    }

    public static String bearer(String username, String role, String organisation) {
        return "Bearer " + token(username, role, organisation);
    }

    private static PrivateKey loadKey() {
        try (InputStream in = TestTokens.class.getResourceAsStream("/linkwork-test-keys/private.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the test signing key", e);
        }
    }
}
