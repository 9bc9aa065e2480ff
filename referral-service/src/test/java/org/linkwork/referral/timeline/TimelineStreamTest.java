package org.linkwork.referral.timeline;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.linkwork.platform.testing.LinkworkTestResources;
import org.linkwork.platform.testing.TestTokens;
import org.linkwork.referral.Referrals;

@QuarkusTest
@WithTestResource(LinkworkTestResources.class)
class TimelineStreamTest {

    @TestHTTPResource("/")
    URI base;

    /** Reads an event stream into lines on a thread of its own until the test closes it. */
    private static final class Listener implements AutoCloseable {
        final List<String> lines = new CopyOnWriteArrayList<>();
        final HttpResponse<java.io.InputStream> response;
        final Thread reader;

        Listener(URI uri, String token, String lastEventId) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Authorization", token).header("Accept", "text/event-stream");
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            reader = Thread.ofVirtual().start(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        lines.add(line);
                    }
                } catch (java.io.IOException closed) {
                    // the test closed the stream
                }
            });
        }

        List<String> data() {
            return lines.stream().filter(l -> l.startsWith("data:")).map(l -> l.substring(5).strip()).toList();
        }

        List<String> ids() {
            return lines.stream().filter(l -> l.startsWith("id:")).map(l -> l.substring(3).strip()).toList();
        }

        @Override
        public void close() throws Exception {
            response.body().close();
        }
    }

    @Test
    void theTimelineListsEachStepInOrder() {
        String id = Referrals.create();
        Referrals.assess(id);
        given().header("Authorization", Referrals.gp()).get("/referrals/" + id + "/timeline").then().statusCode(200)
                .body("kind", contains("received", "assigned", "status", "status", "status", "assessed"));
    }

    @Test
    void aWatcherSeesTheHistoryThenEachChangeAsItHappens() throws Exception {
        String id = Referrals.create();
        URI stream = base.resolve("referrals/" + id + "/timeline/stream");
        try (Listener gp = new Listener(stream, Referrals.gp(), null)) {
            assertThat(gp.response.statusCode()).isEqualTo(200);
            assertThat(gp.response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> gp.data().size() == 2); // received, assigned
            Referrals.move(id, "accepted");
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> gp.data().size() == 3);
            assertThat(gp.data().get(2)).contains("\"kind\":\"status\"").contains("received → accepted");
            assertThat(gp.lines).anyMatch(l -> l.replace(" ", "").equals("event:status"));

            // a reconnect with Last-Event-ID continues after what was seen
            String seen = gp.ids().get(2);
            Referrals.move(id, "contacted");
            try (Listener again = new Listener(stream, Referrals.gp(), seen)) {
                Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> again.data().size() == 1);
                assertThat(again.data().get(0)).contains("accepted → contacted");
            }
        }
    }

    @Test
    void onlyTheCareTeamMayWatch() throws Exception {
        String id = Referrals.create();
        URI stream = base.resolve("referrals/" + id + "/timeline/stream");
        HttpClient client = HttpClient.newHttpClient();
        var other = client.send(HttpRequest.newBuilder(stream).header("Authorization",
                TestTokens.bearer("gp.other", "referrer", Referrals.OTHER_PRACTICE)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(other.statusCode()).isEqualTo(404);
        var provider = client.send(HttpRequest.newBuilder(stream).header("Authorization",
                TestTokens.bearer("provider.demo", "provider", "org-1")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(provider.statusCode()).isEqualTo(403);
        var nobody = client.send(HttpRequest.newBuilder(stream).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(nobody.statusCode()).isEqualTo(401);
    }
}
