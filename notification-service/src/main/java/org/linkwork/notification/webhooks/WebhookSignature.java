package org.linkwork.notification.webhooks;

import java.util.HexFormat;
import org.linkwork.notification.delivery.HmacSha256;

/**
 * How a partner knows a webhook came from Linkwork and was not replayed: HMAC-SHA256, keyed with the
 * subscription's secret, over {@code <timestamp>.<body>}, sent as {@code Linkwork-Signature: v1=<hex>}
 * beside {@code Linkwork-Timestamp} (Unix seconds). The partner recomputes it, compares in constant
 * time and rejects timestamps more than a few minutes old.
 */
public final class WebhookSignature {

    public static final String ID_HEADER = "Linkwork-Webhook-Id";
    public static final String EVENT_HEADER = "Linkwork-Event";
    public static final String TIMESTAMP_HEADER = "Linkwork-Timestamp";
    public static final String SIGNATURE_HEADER = "Linkwork-Signature";

    private WebhookSignature() {
    }

    public static String sign(String secret, long timestamp, String body) {
        return "v1=" + HexFormat.of().formatHex(HmacSha256.of(secret, timestamp + "." + body));
    }
}
