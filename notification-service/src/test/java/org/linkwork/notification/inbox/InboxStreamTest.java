package org.linkwork.notification.inbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.linkwork.notification.Inboxes;
import org.linkwork.notification.testing.NotificationTestResources;
import org.linkwork.platform.testing.TestTokens;
import org.linkwork.platform.testing.TopicProbe;

/** The live stream, read as a browser's EventSource would, over a real HTTP connection. */
@QuarkusTest
@WithTestResource(NotificationTestResources.class)
class InboxStreamTest {

    @TestHTTPResource("/notifications/stream")
    URI stream;

    /** An open stream and every line it has sent so far. */
    private record Listening(HttpResponse<Stream<String>> response, List<String> lines) implements AutoCloseable {

        boolean heard(String text) {
            return lines.stream().anyMatch(l -> l.startsWith("data:") && l.contains(text));
        }

        @Override
        public void close() {
            response.body().close();
        }
    }

    private Listening listen(String bearer) throws Exception {
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(stream)
                .header("Authorization", bearer).header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread.ofVirtual().start(() -> {
            try {
                response.body().forEach(lines::add);
            } catch (RuntimeException closed) {
                // the test closed the stream
            }
        });
        return new Listening(response, lines);
    }

    @Test
    void aNewNotificationArrivesOnItsRecipientsStreamsOnly() throws Exception {
        String linkWorker = Inboxes.uniqueUser("lw");
        String organisation = Inboxes.uniqueOrganisation();
        String other = Inboxes.uniqueUser("lw");
        try (Listening mine = listen(TestTokens.bearer(linkWorker, "link-worker", null));
                Listening practice = listen(TestTokens.bearer(Inboxes.uniqueUser("gp"), "referrer", organisation));
                Listening theirs = listen(TestTokens.bearer(other, "link-worker", null))) {
            String referral = UUID.randomUUID().toString();
            TopicProbe.publish(Inboxes.match(referral, organisation, linkWorker, 2));

            Awaitility.await().atMost(Inboxes.PATIENCE).until(() -> mine.heard(referral) && practice.heard(referral));
            String title = "Linkwork proposed 2 community activities for referral " + referral.substring(0, 8);
            assertThat(mine.lines()).contains("event:notification");
            assertThat(mine.lines()).anySatisfy(l -> assertThat(l).startsWith("data:").contains("\"title\":\"" + title + "\"",
                    "\"referralId\":\"" + referral + "\"", "\"read\":false"));
            assertThat(practice.lines()).anySatisfy(l -> assertThat(l).contains(title));

            // a marker for the other link worker: once it has arrived, the first would have too
            String marker = UUID.randomUUID().toString();
            TopicProbe.publish(Inboxes.match(marker, null, other, 1));
            Awaitility.await().atMost(Inboxes.PATIENCE).until(() -> theirs.heard(marker));
            assertThat(theirs.heard(referral)).isFalse();
            assertThat(mine.heard(marker)).isFalse();

            // what streamed is what the inbox holds
            assertThat(Inboxes.about(TestTokens.bearer(linkWorker, "link-worker", null), referral)).extracting(n -> n.get("id"))
                    .allSatisfy(id -> assertThat(mine.lines()).contains("id:" + id));
        }
    }

    @Test
    void aPracticesReferrersNoticeStreamsToItsReferrersOnlyNotToOthersCarryingItsOrgId() throws Exception {
        String organisation = Inboxes.uniqueOrganisation();
        String linkWorker = Inboxes.uniqueUser("lw");
        String admin = Inboxes.uniqueUser("admin");
        try (Listening referrer = listen(TestTokens.bearer(Inboxes.uniqueUser("gp"), "referrer", organisation));
                Listening colleague = listen(TestTokens.bearer(Inboxes.uniqueUser("gp"), "referrer", organisation));
                Listening sameOrgLinkWorker = listen(TestTokens.bearer(linkWorker, "link-worker", organisation));
                Listening sameOrgProvider = listen(TestTokens.bearer(Inboxes.uniqueUser("provider"), "provider", organisation));
                Listening sameOrgAdmin = listen(TestTokens.bearer(admin, "admin", organisation))) {
            String referral = UUID.randomUUID().toString();
            TopicProbe.publish(Inboxes.statusChange(referral, organisation, null, "received", "accepted", "link-worker", "lw.demo"));
            Awaitility.await().atMost(Inboxes.PATIENCE).until(() -> referrer.heard(referral) && colleague.heard(referral));
            assertThat(referrer.lines()).anySatisfy(l -> assertThat(l).startsWith("data:")
                    .contains("The link worker accepted referral " + referral.substring(0, 8)));

            // markers placed after it, one for each of the others: once each has arrived, the first would have too
            String forLinkWorker = UUID.randomUUID().toString();
            TopicProbe.publish(Inboxes.match(forLinkWorker, null, linkWorker, 1));
            String forProviders = UUID.randomUUID().toString();
            TopicProbe.publish(new org.linkwork.events.ActivityReferralUpdated("ar-" + UUID.randomUUID(), forProviders, "p-1", "svc-1",
                    "physical-activity", organisation, organisation, linkWorker, "requested", null, 0, null, java.time.Instant.now()));
            String forAdmin = UUID.randomUUID().toString();
            TopicProbe.publish(Inboxes.match(forAdmin, null, admin, 1)); // a user notice, by username
            Awaitility.await().atMost(Inboxes.PATIENCE).until(() -> sameOrgLinkWorker.heard(forLinkWorker)
                    && sameOrgProvider.heard(forProviders) && sameOrgAdmin.heard(forAdmin));
            assertThat(sameOrgLinkWorker.heard(referral)).isFalse();
            assertThat(sameOrgProvider.heard(referral)).isFalse();
            assertThat(sameOrgAdmin.heard(referral)).isFalse();

            // and the providers' notice is not the referrers': a marker for them placed after it
            String later = UUID.randomUUID().toString();
            TopicProbe.publish(Inboxes.statusChange(later, organisation, null, "received", "accepted", "link-worker", "lw.demo"));
            Awaitility.await().atMost(Inboxes.PATIENCE).until(() -> referrer.heard(later));
            assertThat(referrer.heard(forProviders)).isFalse();
            assertThat(sameOrgLinkWorker.heard(forProviders)).isFalse();
            assertThat(sameOrgAdmin.heard(forProviders) || sameOrgAdmin.heard(later)).isFalse();
        }
    }

    @Test
    void onlyInboxHoldersMayListen() {
        given().get("/notifications/stream").then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer("analyst.demo", "analyst", null)).get("/notifications/stream")
                .then().statusCode(403).contentType("application/problem+json");
    }
}
