package org.linkwork.notification.sms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.linkwork.notification.delivery.Outgoing;
import org.linkwork.notification.delivery.SendResult;

/**
 * Text messages through an SMS gateway with GOV.UK Notify's API: {@code POST /v2/notifications/sms}
 * with a template id, the personalisation that fills it and the phone number, authorised by a JWT
 * made from the API key. The Notify template holds a single placeholder, {@code ((body))}: the
 * words themselves come from this service's own templates, in the person's language.
 */
@ApplicationScoped
public class SmsChannel {

    final ObjectMapper json;
    final String baseUrl;
    final Optional<NotifyApiKey> apiKey;
    final String templateId;
    final Duration timeout;
    final HttpClient http;

    SmsChannel(ObjectMapper json,
            @ConfigProperty(name = "linkwork.sms.base-url") String baseUrl,
            @ConfigProperty(name = "linkwork.sms.api-key") Optional<String> apiKey,
            @ConfigProperty(name = "linkwork.sms.template-id") String templateId,
            @ConfigProperty(name = "linkwork.sms.timeout") Duration timeout) {
        this.json = json;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.apiKey = apiKey.filter(k -> !k.isBlank()).map(NotifyApiKey::parse);
        this.templateId = templateId;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    public SendResult send(Outgoing.Sms sms) {
        if (apiKey.isEmpty()) {
            return SendResult.giveUp("sms-not-configured");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("phone_number", sms.phoneNumber());
        body.put("template_id", templateId);
        body.put("personalisation", Map.of("body", sms.text()));
        body.put("reference", sms.reference());
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(baseUrl + "/v2/notifications/sms"))
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + apiKey.get().bearerToken(Instant.now()))
                    .header("User-Agent", "linkwork-notification-service")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an SMS request is plain JSON", e);
        }
        try {
            // the response is not kept: an error body may quote the phone number
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status >= 200 && status < 300) {
                return SendResult.ok();
            }
            // Notify: 400 (bad number, bad template) and 403 (bad key) will not get better by waiting; 429 and 5xx may
            return status == 429 || status >= 500 ? SendResult.retry("http-" + status) : SendResult.giveUp("http-" + status);
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
