package org.linkwork.notification.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.linkwork.notification.delivery.HmacSha256;

class NotifyApiKeyTest {

    private static final String KEY = "my_test_key-26785a09-ab16-4eb0-8407-a37497a57506-3d844edf-8d35-48ac-975b-e847b4f122b0";

    @Test
    void theServiceIdAndSecretAreTheKeysLastTwoUuids() {
        NotifyApiKey key = NotifyApiKey.parse(KEY);
        assertThat(key.serviceId()).isEqualTo("26785a09-ab16-4eb0-8407-a37497a57506");
        assertThat(key.secret()).isEqualTo("3d844edf-8d35-48ac-975b-e847b4f122b0");
        assertThat(key.toString()).doesNotContain(key.secret());
        assertThatThrownBy(() -> NotifyApiKey.parse("too-short")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theTokenIsAnHs256JwtIssuedByTheServiceNow() throws Exception {
        NotifyApiKey key = NotifyApiKey.parse(KEY);
        String[] parts = key.bearerToken(Instant.ofEpochSecond(1_780_000_000L)).split("\\.");
        ObjectMapper json = new ObjectMapper();
        JsonNode header = json.readTree(Base64.getUrlDecoder().decode(parts[0]));
        JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertThat(header.get("alg").asText()).isEqualTo("HS256");
        assertThat(header.get("typ").asText()).isEqualTo("JWT");
        assertThat(claims.get("iss").asText()).isEqualTo(key.serviceId());
        assertThat(claims.get("iat").asLong()).isEqualTo(1_780_000_000L);
        assertThat(Base64.getUrlDecoder().decode(parts[2])).isEqualTo(HmacSha256.of(key.secret(), parts[0] + "." + parts[1]));
    }
}
