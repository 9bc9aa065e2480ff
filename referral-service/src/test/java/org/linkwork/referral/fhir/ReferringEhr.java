package org.linkwork.referral.fhir;

import ca.uhn.fhir.context.FhirContext;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * A referring GP system's FHIR server, as small as it can be: it serves the resources a test puts
 * in it, HAPI-encoded, at {@code <base>/<Type>/<id>}, answers 404 for anything else, and remembers
 * every request it was sent.
 */
final class ReferringEhr implements AutoCloseable {

    /** Where the test profile's partner "ehr-test" says its FHIR server is. */
    static final int CONFIGURED_PORT = 18391;
    private static ReferringEhr configured;

    private final HttpServer server;
    private final Map<String, String> resources = new ConcurrentHashMap<>();
    final List<String> requests = new CopyOnWriteArrayList<>();

    private ReferringEhr(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/fhir/", exchange -> {
            String path = exchange.getRequestURI().getPath().substring("/fhir/".length());
            requests.add(exchange.getRequestMethod() + " " + path);
            String body = "GET".equals(exchange.getRequestMethod()) ? resources.get(path) : null;
            byte[] bytes = (body == null ? "{\"resourceType\":\"OperationOutcome\"}" : body).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/fhir+json");
            exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    /** The EHR at the partner's configured base, started once for the test run. */
    static synchronized ReferringEhr configured() {
        if (configured == null) {
            try {
                configured = new ReferringEhr(CONFIGURED_PORT);
            } catch (IOException e) {
                throw new IllegalStateException("port " + CONFIGURED_PORT + " (the test profile's partner FHIR base) is taken", e);
            }
        }
        return configured;
    }

    /** Another server nobody configured, on a free port. */
    static ReferringEhr unconfigured() throws IOException {
        return new ReferringEhr(0);
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/fhir";
    }

    /** Serves the resource at {@code <Type>/<id>}; returns its absolute URL. */
    String put(String type, String id, IBaseResource resource) {
        resources.put(type + "/" + id, FhirContext.forR4Cached().newJsonParser().encodeResourceToString(resource));
        return base() + "/" + type + "/" + id;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
