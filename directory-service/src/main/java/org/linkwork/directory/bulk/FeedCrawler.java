package org.linkwork.directory.bulk;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.linkwork.directory.hsds.HsdsService;
import org.linkwork.platform.problem.ProblemMappers;

/**
 * Crawls a remote Open Referral UK feed: {@code /services} a page at a time, then
 * {@code /services/{id}} for each listed service (list pages carry only one-to-one fields).
 * Holds one page of services at a time.
 */
final class FeedCrawler implements Iterator<Candidate> {

    private final String base;
    private final int pageSize;
    private final int maxPages;
    private final Duration timeout;
    private final HttpClient http;
    private final ObjectMapper mapper;
    private final Deque<String> pending = new ArrayDeque<>();
    private int page;
    private boolean lastPage;
    private long index = -1;

    FeedCrawler(String base, int pageSize, int maxPages, Duration timeout, ObjectMapper mapper) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.pageSize = pageSize;
        this.maxPages = maxPages;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
        this.mapper = mapper.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    @Override
    public boolean hasNext() {
        while (pending.isEmpty() && !lastPage) {
            page++;
            JsonNode body = get(base + "/services?page=" + page + "&per_page=" + pageSize);
            JsonNode contents = body.path("contents");
            if (!contents.isArray()) {
                throw new FeedException("page " + page + " of the feed has no contents list");
            }
            contents.forEach(item -> {
                if (item.path("id").isTextual()) {
                    pending.add(item.get("id").asText());
                }
            });
            int totalPages = body.path("total_pages").asInt(page);
            lastPage = contents.isEmpty() || body.path("last_page").asBoolean(page >= totalPages) || page >= maxPages;
        }
        return !pending.isEmpty();
    }

    @Override
    public Candidate next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        String id = pending.poll();
        index++;
        String url = base + "/services/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
        JsonNode node;
        try {
            node = get(url);
        } catch (FeedException e) {
            return new Candidate(null, null, index, id, List.of(new ImportReport.Rejection(null, index, id, null, e.getMessage())));
        }
        try {
            return new Candidate(mapper.treeToValue(node, HsdsService.class), null, index, id, List.of());
        } catch (JsonMappingException e) {
            return new Candidate(null, null, index, id, List.of(new ImportReport.Rejection(null, index, id, ProblemMappers.pathOf(e),
                    "not a valid value")));
        } catch (IOException e) {
            return new Candidate(null, null, index, id, List.of(new ImportReport.Rejection(null, index, id, null, "could not be read")));
        }
    }

    private JsonNode get(String url) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new FeedException(url.substring(base.length()) + " answered HTTP " + response.statusCode());
            }
            return mapper.readTree(response.body());
        } catch (IOException e) {
            throw new FeedException(url.substring(base.length()) + " could not be read (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FeedException("interrupted");
        }
    }

    /** The feed could not be crawled; its message is safe to show. */
    static final class FeedException extends RuntimeException {
        FeedException(String message) {
            super(message, null, false, false);
        }
    }
}
