package org.linkwork.directory.geocoding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * A postcodes.io-compatible HTTP API ({@code GET <base>/postcodes/<postcode>} answering
 * {@code {"status":200,"result":{"latitude":..,"longitude":..}}}). Answers are cached; a failing API
 * places nothing rather than failing the search.
 */
final class PostcodesIo implements PostcodeSource {

    private static final Logger LOG = Logger.getLogger(PostcodesIo.class);
    private static final int CACHE_LIMIT = 10_000;

    private final String base;
    private final Duration timeout;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Optional<Position>> cache = new ConcurrentHashMap<>();

    PostcodesIo(String base, Duration timeout) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public Optional<Position> locate(String postcode) {
        Optional<Position> known = cache.get(postcode);
        if (known != null) {
            return known;
        }
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/postcodes/"
                    + URLEncoder.encode(postcode, StandardCharsets.UTF_8).replace("+", "%20")))
                    .timeout(timeout).header("Accept", "application/json").GET().build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            Optional<Position> found = Optional.empty();
            if (response.statusCode() == 200) {
                JsonNode result = json.readTree(response.body()).path("result");
                if (result.path("latitude").isNumber() && result.path("longitude").isNumber()) {
                    found = Optional.of(new Position(result.get("latitude").asDouble(), result.get("longitude").asDouble()));
                }
            } else if (response.statusCode() != 404) {
                LOG.warnf("The postcode API answered HTTP %d; not caching", response.statusCode());
                return Optional.empty();
            }
            if (cache.size() >= CACHE_LIMIT) {
                cache.clear();
            }
            cache.put(postcode, found);
            return found;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (Exception e) {
            LOG.warnf("The postcode API could not be reached (%s)", e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    @Override
    public String name() {
        return "postcode API";
    }
}
