package org.linkwork.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BodySizeGuardTest {

    static final long K = 1024;
    static final BodySizeGuard.Limits LIMITS = BodySizeGuard.Limits.of(256 * K,
            Map.of("/imports", 2 * K * K, "/exports/*", K * K, "/exports/big/*", 5 * K * K), 8 * K * K);

    private Vertx vertx;
    private HttpServer server;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    void serve() throws Exception {
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        new BodySizeGuard().install(router, LIMITS);
        // what the application does with a body: read it, say how much came and what cap the HTTP layer was given
        router.route().handler(ctx -> ctx.request().body().onSuccess(body -> ctx.response()
                .end(body.length() + " " + ctx.get(BodySizeGuard.QUARKUS_LIMIT_KEY) + " " + ctx.get(BodySizeGuard.LIMIT_KEY))));
        server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }

    @AfterAll
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void eachPathHasItsRoutesLimitOrTheStandardOne() {
        assertThat(LIMITS.of("/imports")).isEqualTo(2 * K * K);
        assertThat(LIMITS.of("/imports/folder")).as("an exact path is that path only").isEqualTo(256 * K);
        assertThat(LIMITS.of("/exports")).isEqualTo(K * K);
        assertThat(LIMITS.of("/exports/services.json")).isEqualTo(K * K);
        assertThat(LIMITS.of("/exports/big/all.zip")).as("the longest prefix wins").isEqualTo(5 * K * K);
        assertThat(LIMITS.of("/exportsx")).isEqualTo(256 * K);
        assertThat(LIMITS.of("/services/1")).isEqualTo(256 * K);
    }

    @Test
    void noLimitMayExceedTheHttpLayersCap() {
        assertThatThrownBy(() -> BodySizeGuard.Limits.of(256 * K, Map.of("/imports", 2 * K * K), K * K))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("linkwork.http.body-limit.\"/imports\"")
                .hasMessageContaining("quarkus.http.limits.max-body-size");
        assertThatThrownBy(() -> BodySizeGuard.Limits.of(2 * K * K, Map.of(), K * K)).hasMessageContaining("linkwork.http.max-body-size");
        assertThatThrownBy(() -> BodySizeGuard.Limits.of(K, Map.of("imports", K), K)).hasMessageContaining("must start with /");
    }

    @Test
    void aDeclaredLengthOverTheRoutesLimitIsRefusedAsAProblemBeforeItIsRead() throws Exception {
        HttpResponse<String> refused = refusedPost("/services/1", new byte[(int) (256 * K) + 1]);
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue(Problem.MEDIA_TYPE);
        assertThat(refused.body()).contains("urn:linkwork:problem:payload-too-large", "the limit is 262144", "\"instance\":\"/services/1\"");

        HttpResponse<String> ownLimit = post("/imports", HttpRequest.BodyPublishers.ofByteArray(new byte[(int) (K * K)]));
        assertThat(ownLimit.statusCode()).isEqualTo(200);
        assertThat(ownLimit.body()).startsWith(K * K + " ");
        HttpResponse<String> overOwn = refusedPost("/imports", new byte[(int) (2 * K * K) + 1]);
        assertThat(overOwn.statusCode()).isEqualTo(413);
        assertThat(overOwn.body()).contains("the limit is 2097152");
    }

    @Test
    void aBodyWithoutALengthCarriesItsLimitToWhatReadsIt() throws Exception {
        HttpResponse<String> chunked = post("/imports", HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[1000])));
        assertThat(chunked.statusCode()).isEqualTo(200);
        assertThat(chunked.body()).isEqualTo("1000 " + (2 * K * K + BodySizeGuard.READ_AHEAD) + " " + 2 * K * K);
        HttpResponse<String> declared = post("/imports", HttpRequest.BodyPublishers.ofByteArray(new byte[1000]));
        assertThat(declared.body()).as("a declared length was checked already").isEqualTo("1000 null null");
    }

    @Test
    void theCountedStreamGivesTheLimitAndNotAByteMore() throws Exception {
        try (var in = new BodySizeGuard.Counted(new ByteArrayInputStream(new byte[100]), 100)) {
            assertThat(in.readAllBytes()).hasSize(100);
        }
        try (var in = new BodySizeGuard.Counted(new ByteArrayInputStream(new byte[101]), 100)) {
            assertThatThrownBy(in::readAllBytes).isInstanceOf(BodySizeGuard.TooLarge.class).hasMessageContaining("100 bytes");
        }
        try (var in = new BodySizeGuard.Counted(new ByteArrayInputStream(new byte[101]), 100)) {
            assertThat(in.skip(100)).isEqualTo(100);
            assertThatThrownBy(in::read).isInstanceOf(BodySizeGuard.TooLarge.class);
        }
    }

    /** Waits for the answer before sending the body (Expect: 100-continue), as a client that is refused should. */
    private HttpResponse<String> refusedPost(String path, byte[] body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + path)).expectContinue(true)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, HttpRequest.BodyPublisher body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + path)).POST(body).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
