package org.linkwork.referral.fhir;

import io.smallrye.jwt.build.Jwt;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.linkwork.platform.testing.TestTokens;

/** Client-credentials tokens shaped as Keycloak issues them: azp is the client, the user its service account. */
final class PartnerTokens {

    private PartnerTokens() {
    }

    static String bearer(String clientId, String role, String organisation) {
        var claims = Jwt.issuer(TestTokens.ISSUER).subject("sub-" + clientId).claim("azp", clientId)
                .claim("preferred_username", "service-account-" + clientId).claim("realm_access", Map.of("roles", List.of(role)))
                .groups(Set.of(role)).expiresIn(3600);
        if (organisation != null) {
            claims.claim("org_id", organisation);
        }
        return "Bearer " + claims.jws().keyId("linkwork-test").sign(key());
    }

    private static PrivateKey key() {
        try (InputStream in = PartnerTokens.class.getResourceAsStream("/linkwork-test-keys/private.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (Exception e) {
            throw new IllegalStateException("cannot load the test signing key", e);
        }
    }
}
