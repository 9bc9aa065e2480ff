package org.linkwork.matching.access;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import java.security.KeyPairGenerator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.linkwork.matching.Fixtures;
import org.linkwork.platform.testing.LinkworkTestResources;
import org.linkwork.platform.testing.TestTokens;

/** Through the HTTP stack: a remembered token carries its own roles and organisation, and nothing else gets in. */
@QuarkusTest
@WithTestResource(LinkworkTestResources.class)
class RememberedTokensTest {

    @Inject
    VerifiedTokens tokens;

    static int read(String bearer) {
        return given().header("Authorization", bearer).get("/matches/" + UUID.randomUUID()).statusCode();
    }

    @Test
    void aTokenIsVerifiedOnceThenRecalledWithTheSameAnswer() {
        String bearer = TestTokens.bearer("lw.cache", "link-worker", Fixtures.PRACTICE);
        String token = bearer.substring("Bearer ".length());
        assertThat(tokens.recall(token)).isNull();

        assertThat(read(bearer)).as("verified in full: allowed, no such proposal").isEqualTo(404);
        assertThat(tokens.recall(token)).as("remembered after the provider accepted it").isNotNull();
        assertThat(read(bearer)).as("recalled").isEqualTo(404);
        assertThat(tokens.recall(token).getRoles()).contains("link-worker");
    }

    @Test
    void aRememberedTokenKeepsItsOwnRole() {
        String provider = TestTokens.bearer("someone", "provider", Fixtures.PRACTICE);
        String linkWorker = TestTokens.bearer("lw.cache2", "link-worker", Fixtures.PRACTICE);
        for (int round = 0; round < 3; round++) {
            assertThat(List.of(read(provider), read(linkWorker))).as("round " + round).containsExactly(403, 404);
        }
    }

    @Test
    void aTamperedOrForeignTokenIsNeverTakenFromMemory() throws Exception {
        String bearer = TestTokens.bearer("lw.cache3", "link-worker", Fixtures.PRACTICE);
        assertThat(read(bearer)).isEqualTo(404);

        String token = bearer.substring("Bearer ".length());
        String[] parts = token.split("\\.");
        // the remembered token's signature over other claims: an admin
        String payload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(java.util.Base64.getUrlDecoder().decode(parts[1])).replace("link-worker", "admin").getBytes());
        String tampered = parts[0] + "." + payload + "." + parts[2];
        assertThat(read("Bearer " + tampered)).isEqualTo(401);
        assertThat(tokens.recall(tampered)).isNull();

        var keys = KeyPairGenerator.getInstance("RSA");
        keys.initialize(2048);
        String foreign = Jwt.issuer(TestTokens.ISSUER).subject("sub-x").claim("preferred_username", "x")
                .claim("realm_access", Map.of("roles", List.of("admin"))).expiresIn(3600)
                .jws().keyId("linkwork-test").sign(keys.generateKeyPair().getPrivate());
        assertThat(read("Bearer " + foreign)).as("signed by another key").isEqualTo(401);
        assertThat(read("Bearer " + foreign)).as("and again: a refusal is not remembered").isEqualTo(401);
        assertThat(tokens.recall(foreign)).isNull();
    }
}
