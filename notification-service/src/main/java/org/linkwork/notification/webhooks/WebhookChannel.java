package org.linkwork.notification.webhooks;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.linkwork.notification.delivery.Outgoing;
import org.linkwork.notification.delivery.SendResult;

/** Posts a signed notification to a partner's URL; any 2xx is success, anything else is tried again. */
@ApplicationScoped
public class WebhookChannel {

    final Duration timeout;
    final HttpClient http;

    WebhookChannel(@ConfigProperty(name = "linkwork.webhooks.timeout") Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public SendResult send(Outgoing.Webhook webhook) {
        long timestamp = Instant.now().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(webhook.url()))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "linkwork-webhooks")
                .header(WebhookSignature.ID_HEADER, webhook.deliveryId().toString())
                .header(WebhookSignature.EVENT_HEADER, webhook.eventType())
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(webhook.secret(), timestamp, webhook.body()))
                .POST(HttpRequest.BodyPublishers.ofString(webhook.body()))
                .build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status >= 200 && status < 300 ? SendResult.ok() : SendResult.retry("http-" + status);
        } catch (HttpTimeoutException e) {
            return SendResult.retry("timeout");
        } catch (IOException e) {
            return SendResult.retry("unreachable");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SendResult.retry("interrupted");
        }
    }
}
