package org.linkwork.notification.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.linkwork.notification.delivery.HmacSha256;

/**
 * A partner's webhook endpoint, as a partner would write it: it checks the signature over
 * {@code timestamp.body} with the shared secret and the timestamp's age, and answers 401 when either
 * is wrong. It can be told to answer the next calls with errors.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** A call the receiver saw, and whether its signature held. */
    public record Call(String deliveryId, String event, String body, boolean verified, Instant at) {
    }

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Queue<Integer> nextStatuses = new ConcurrentLinkedQueue<>();
    private volatile String secret = "";

    public WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    public void secret(String value) {
        secret = value;
    }

    /** The next calls are answered with these statuses, then 204 again. */
    public void failNext(Integer... statuses) {
        nextStatuses.addAll(List.of(statuses));
    }

    public List<Call> calls() {
        return calls;
    }

    public List<Call> verified() {
        return calls.stream().filter(Call::verified).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String timestamp = exchange.getRequestHeaders().getFirst("Linkwork-Timestamp");
            String signature = exchange.getRequestHeaders().getFirst("Linkwork-Signature");
            boolean verified = timestamp != null && signature != null && signature.startsWith("v1=")
                    && Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) <= 300
                    && MessageDigest.isEqual(HmacSha256.of(secret, timestamp + "." + body),
                            HexFormat.of().parseHex(signature.substring(3)));
            calls.add(new Call(exchange.getRequestHeaders().getFirst("Linkwork-Webhook-Id"),
                    exchange.getRequestHeaders().getFirst("Linkwork-Event"), body, verified, Instant.now()));
            Integer status = nextStatuses.poll();
            exchange.sendResponseHeaders(!verified ? 401 : status == null ? 204 : status, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
