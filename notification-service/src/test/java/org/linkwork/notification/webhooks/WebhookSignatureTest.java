package org.linkwork.notification.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    @Test
    void theSignatureIsHmacSha256OverTimestampDotBody() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("whsec_abc".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal("1780000000.{\"type\":\"referral-updated\"}".getBytes(StandardCharsets.UTF_8)));
        assertThat(WebhookSignature.sign("whsec_abc", 1_780_000_000L, "{\"type\":\"referral-updated\"}")).isEqualTo("v1=" + expected);
        // another timestamp or body, another signature: a replayed or altered call does not verify
        assertThat(WebhookSignature.sign("whsec_abc", 1_780_000_001L, "{\"type\":\"referral-updated\"}")).isNotEqualTo("v1=" + expected);
        assertThat(WebhookSignature.sign("whsec_abd", 1_780_000_000L, "{\"type\":\"referral-updated\"}")).isNotEqualTo("v1=" + expected);
    }
}
