package org.linkwork.notification.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.linkwork.notification.delivery.HmacSha256;

/**
 * A local stand-in for GOV.UK Notify's SMS endpoint: it checks the bearer JWT as Notify does
 * (HS256 with the key's secret, {@code iss} the service id, {@code iat} within 30 seconds) and the
 * request's shape, records what it accepted, and can be switched to failing or hanging.
 */
public final class NotifyStub {

    public static final String SERVICE_ID = "26785a09-ab16-4eb0-8407-a37497a57506";
    public static final String SECRET = "3d844edf-8d35-48ac-975b-e847b4f122b0";
    public static final String API_KEY = "linkwork_test-" + SERVICE_ID + "-" + SECRET;
    public static final String TEMPLATE_ID = "f33517ff-2a88-4f6e-b855-c550268ce08a";

    /** A text message the stub accepted. */
    public record Sms(String phoneNumber, String templateId, String body, String reference) {
    }

    public enum Mode { UP, DOWN, HANGING }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static HttpServer server;
    private static final List<Sms> accepted = new CopyOnWriteArrayList<>();
    private static final List<String> refusals = new CopyOnWriteArrayList<>();
    private static volatile Mode mode = Mode.UP;
    private static volatile CountDownLatch hang = new CountDownLatch(0);
    private static volatile int requests;
    /** Texts to these numbers fail this many more times, whatever the mode. */
    private static final java.util.Map<String, Integer> failuresAhead = new java.util.concurrent.ConcurrentHashMap<>();

    private NotifyStub() {
    }

    public static synchronized String baseUrl() {
        if (server == null) {
            try {
                HttpServer started = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                started.createContext("/v2/notifications/sms", NotifyStub::handle);
                started.setExecutor(Executors.newCachedThreadPool());
                started.start();
                server = started;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public static void mode(Mode next) {
        if (next == Mode.HANGING) {
            hang = new CountDownLatch(1);
        } else {
            hang.countDown();
        }
        mode = next;
    }

    /** The next {@code times} texts to this number are refused with 503, then it is served as the mode says. */
    public static void failNext(String phoneNumber, int times) {
        failuresAhead.put(phoneNumber, times);
    }

    public static List<Sms> to(String phoneNumber) {
        return accepted.stream().filter(s -> s.phoneNumber().equals(phoneNumber)).toList();
    }

    public static List<String> refusals() {
        return refusals;
    }

    public static int requests() {
        return requests;
    }

    private static void handle(HttpExchange exchange) throws IOException {
        requests++;
        try (exchange) {
            if (mode == Mode.HANGING) {
                try {
                    hang.await(30, TimeUnit.SECONDS); // the client's timeout gives up long before
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (mode != Mode.UP) {
                respond(exchange, 503, "{\"errors\":[{\"error\":\"ServiceUnavailable\"}]}");
                return;
            }
            String problem = authorisationProblem(exchange.getRequestHeaders().getFirst("Authorization"));
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            String number = body.path("phone_number").asText("");
            if (failuresAhead.computeIfPresent(number, (n, left) -> left - 1) instanceof Integer left && left >= 0) {
                failuresAhead.remove(number, 0);
                respond(exchange, 503, "{\"errors\":[{\"error\":\"ServiceUnavailable\"}]}");
                return;
            }
            if (problem == null && (!"POST".equals(exchange.getRequestMethod()) || !body.hasNonNull("phone_number")
                    || !body.hasNonNull("template_id") || !body.path("personalisation").hasNonNull("body"))) {
                problem = "BadRequestError";
            }
            if (problem != null) {
                refusals.add(problem);
                respond(exchange, problem.startsWith("Auth") ? 403 : 400, "{\"errors\":[{\"error\":\"" + problem + "\"}]}");
                return;
            }
            accepted.add(new Sms(body.get("phone_number").asText(), body.get("template_id").asText(),
                    body.get("personalisation").get("body").asText(), body.path("reference").asText(null)));
            respond(exchange, 201, "{\"id\":\"" + UUID.randomUUID() + "\",\"content\":{}}");
        }
    }

    private static String authorisationProblem(String header) throws IOException {
        if (header == null || !header.startsWith("Bearer ")) {
            return "AuthError: missing token";
        }
        String[] parts = header.substring(7).split("\\.");
        if (parts.length != 3) {
            return "AuthError: not a JWT";
        }
        byte[] expected = HmacSha256.of(SECRET, parts[0] + "." + parts[1]);
        if (!MessageDigest.isEqual(expected, Base64.getUrlDecoder().decode(parts[2]))) {
            return "AuthError: bad signature";
        }
        JsonNode head = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        if (!"HS256".equals(head.path("alg").asText()) || !SERVICE_ID.equals(claims.path("iss").asText())) {
            return "AuthError: wrong algorithm or issuer";
        }
        if (Math.abs(Instant.now().getEpochSecond() - claims.path("iat").asLong()) > 30) {
            return "AuthError: token expired";
        }
        return null;
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
