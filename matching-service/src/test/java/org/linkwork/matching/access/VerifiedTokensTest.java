package org.linkwork.matching.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** When a verified token is taken from memory, and when it must be verified again. */
class VerifiedTokensTest {

    static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");

    /** A clock the test moves. */
    static final class Hands extends Clock {
        Instant now = NOW;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    record Settings(int size, Duration maxAge) implements TokenCacheSettings {
    }

    record Jwt(String getName, long getExpirationTime) implements JsonWebToken {
        @Override
        public Set<String> getClaimNames() {
            return Set.of("exp", "preferred_username");
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String name) {
            return (T) ("exp".equals(name) ? Long.valueOf(getExpirationTime) : getName);
        }
    }

    static SecurityIdentity identity(String token, Instant expires) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new Jwt("lw.demo", expires.getEpochSecond()))
                .addCredential(new AccessTokenCredential(token))
                .addRole("link-worker")
                .addAttribute("io.vertx.ext.web.RoutingContext", new Object())
                .addAttribute("io.quarkus.security.identity.AuthenticationRequestContext", new Object())
                .addAttribute("tenant-id", "Default")
                .build();
    }

    final Hands clock = new Hands();

    @Test
    void aVerifiedTokenIsRecalledWithItsRolesAndWithoutTheVerifyingRequest() {
        VerifiedTokens tokens = new VerifiedTokens(new Settings(10, Duration.ofSeconds(60)), clock);
        assertThat(tokens.recall("t1")).isNull();

        tokens.remember(identity("t1", NOW.plusSeconds(3600)));

        SecurityIdentity recalled = tokens.recall("t1");
        assertThat(recalled).isNotNull();
        assertThat(recalled.getPrincipal().getName()).isEqualTo("lw.demo");
        assertThat(recalled.getRoles()).containsExactly("link-worker");
        assertThat((String) recalled.getAttribute("tenant-id")).isEqualTo("Default");
        assertThat((Object) recalled.getAttribute("io.vertx.ext.web.RoutingContext")).isNull();
        assertThat((Object) recalled.getAttribute("io.quarkus.security.identity.AuthenticationRequestContext")).isNull();
        assertThat(tokens.recall("t2")).as("another token").isNull();
    }

    @Test
    void aTokenIsNotRecalledOnceItHasExpired() {
        VerifiedTokens tokens = new VerifiedTokens(new Settings(10, Duration.ofSeconds(60)), clock);
        tokens.remember(identity("t1", NOW.plusSeconds(20)));

        clock.now = NOW.plusSeconds(19);
        assertThat(tokens.recall("t1")).isNotNull();
        clock.now = NOW.plusSeconds(20);
        assertThat(tokens.recall("t1")).isNull();
        assertThat(tokens.size()).as("the expired entry is dropped").isZero();
    }

    @Test
    void aVerificationIsReusedForAtMostTheMaximumAge() {
        VerifiedTokens tokens = new VerifiedTokens(new Settings(10, Duration.ofSeconds(60)), clock);
        tokens.remember(identity("t1", NOW.plusSeconds(3600)));

        clock.now = NOW.plusSeconds(59);
        assertThat(tokens.recall("t1")).isNotNull();
        clock.now = NOW.plusSeconds(60);
        assertThat(tokens.recall("t1")).isNull();

        // verified again by the provider: remembered afresh
        tokens.remember(identity("t1", NOW.plusSeconds(3600)));
        assertThat(tokens.recall("t1")).isNotNull();
    }

    @Test
    void theNumberRememberedIsBounded() {
        VerifiedTokens tokens = new VerifiedTokens(new Settings(3, Duration.ofSeconds(60)), clock);
        for (int i = 0; i < 10; i++) {
            tokens.remember(identity("t" + i, NOW.plusSeconds(3600)));
        }
        assertThat(tokens.size()).isEqualTo(3);
        assertThat(tokens.recall("t9")).as("the latest is kept").isNotNull();
    }

    @Test
    void whenFullTheOutOfDateGoFirst() {
        VerifiedTokens tokens = new VerifiedTokens(new Settings(3, Duration.ofSeconds(60)), clock);
        tokens.remember(identity("short", NOW.plusSeconds(10)));
        tokens.remember(identity("long1", NOW.plusSeconds(3600)));
        tokens.remember(identity("long2", NOW.plusSeconds(3600)));
        clock.now = NOW.plusSeconds(30);

        tokens.remember(identity("new", NOW.plusSeconds(3600)));

        assertThat(tokens.size()).isEqualTo(3);
        assertThat(tokens.recall("long1")).isNotNull();
        assertThat(tokens.recall("long2")).isNotNull();
        assertThat(tokens.recall("new")).isNotNull();
    }

    @Test
    void sizeZeroRemembersNothing() {
        VerifiedTokens tokens = new VerifiedTokens(new Settings(0, Duration.ofSeconds(60)), clock);
        tokens.remember(identity("t1", NOW.plusSeconds(3600)));
        assertThat(tokens.recall("t1")).isNull();
    }

    @Test
    void onlyIdentitiesProvedByAnUnexpiredBearerTokenAreRemembered() {
        VerifiedTokens tokens = new VerifiedTokens(new Settings(10, Duration.ofSeconds(60)), clock);
        tokens.remember(QuarkusSecurityIdentity.builder().setAnonymous(true).build());
        tokens.remember(QuarkusSecurityIdentity.builder().setPrincipal(new Jwt("no-token", NOW.plusSeconds(60).getEpochSecond())).build());
        tokens.remember(identity("already-expired", NOW.minusSeconds(1)));
        tokens.remember(QuarkusSecurityIdentity.builder().setPrincipal(() -> "not-a-jwt").addCredential(new AccessTokenCredential("t3")).build());
        assertThat(tokens.size()).isZero();
    }
}
