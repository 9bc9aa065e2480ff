package org.linkwork.matching.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linkwork.matching.Fixtures.assessment;
import static org.linkwork.matching.Fixtures.site;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linkwork.events.ActivityReferralUpdated;
import org.linkwork.events.DirectoryServiceChanged;
import org.linkwork.events.EventJson;
import org.linkwork.events.MatchProposed;
import org.linkwork.events.Topic;
import org.linkwork.matching.Fixtures;
import org.linkwork.platform.testing.LinkworkTestResources;
import org.linkwork.platform.testing.TopicProbe;

/** Places taken and given back by activity referrals keep proposals from offering a full activity. */
@QuarkusTest
@WithTestResource(LinkworkTestResources.class)
class CapacityTest {

    private static final Instant SNAPSHOT_AT = Instant.parse("2026-05-01T09:00:00Z");

    @BeforeEach
    void emptyDirectory() {
        Fixtures.clearDirectory();
    }

    private static DirectoryServiceChanged yoga(int places, long version, Instant changedAt) {
        return new DirectoryServiceChanged("svc-yoga", "Chair yoga", null, "active", "org-yoga", "Yoga for all",
                List.of("physical-activity"), List.of("in-person"), List.of(site("hall", "LS6 3BB", 53.8220, -1.5780)), List.of(), null,
                List.of(), List.of(), "group", false, places, 12, null, version, changedAt);
    }

    private static String update(String activityReferralId, String status, Instant at) {
        return TopicProbe.publish(new ActivityReferralUpdated(activityReferralId, UUID.randomUUID().toString(), "p-" + UUID.randomUUID(),
                "svc-yoga", "physical-activity", "org-yoga", Fixtures.PRACTICE, "lw.demo", status, null, 0, null, at));
    }

    private static Integer places() {
        Integer indexed = Arc.container().instance(DirectoryIndex.class).get().get("svc-yoga").orElseThrow().placesAvailable();
        Integer stored = QuarkusTransaction.requiringNew().call(() -> ((DirectoryService) DirectoryService.findById("svc-yoga")).placesAvailable);
        assertThat(indexed).as("the index agrees with the database").isEqualTo(stored);
        return stored;
    }

    private static List<String> proposed() {
        String referralId = UUID.randomUUID().toString();
        TopicProbe.publish(assessment(referralId, List.of("physical-activity"), List.of("in-person"), "LS6", 5.0));
        MatchProposed proposal = Fixtures.awaitProposal(referralId);
        return proposal.proposals().stream().map(MatchProposed.Proposal::serviceId).toList();
    }

    @Test
    void acceptedTakesAPlaceAndTheEndOfAReferralGivesItBack() {
        Fixtures.publishAndAwait(yoga(2, 1, SNAPSHOT_AT));
        Instant later = SNAPSHOT_AT.plusSeconds(3600);

        String accepted = update("ar-1", "accepted", later);
        Fixtures.awaitProcessed(accepted);
        assertThat(places()).isEqualTo(1);

        // the same event redelivered, and the same status again under a new event id: still one place taken
        TopicProbe.publish(Topic.ACTIVITY_REFERRAL_UPDATED, "ignored", EventJson.write(new ActivityReferralUpdated("ar-1",
                UUID.randomUUID().toString(), "p-" + UUID.randomUUID(), "svc-yoga", null, "org-yoga", Fixtures.PRACTICE, "lw.demo",
                "in-progress", null, 1, null, later.plusSeconds(60))), accepted);
        Fixtures.awaitProcessed(update("ar-1", "accepted", later.plusSeconds(120)));
        assertThat(places()).isEqualTo(1);

        Fixtures.awaitProcessed(update("ar-2", "accepted", later.plusSeconds(180)));
        assertThat(places()).isZero();
        assertThat(proposed()).doesNotContain("svc-yoga");

        // a referral turned down before it held a place gives nothing back
        Fixtures.awaitProcessed(update("ar-3", "rejected", later.plusSeconds(200)));
        assertThat(places()).isZero();

        Fixtures.awaitProcessed(update("ar-1", "cancelled", later.plusSeconds(240)));
        assertThat(places()).isEqualTo(1);
        assertThat(proposed()).contains("svc-yoga");
        // a given-back place is not taken again by a late update
        Fixtures.awaitProcessed(update("ar-1", "accepted", later.plusSeconds(300)));
        assertThat(places()).isEqualTo(1);
    }

    @Test
    void aNewerSnapshotAlreadyCountsWhatHappenedBeforeIt() {
        Fixtures.publishAndAwait(yoga(3, 1, SNAPSHOT_AT));
        Fixtures.awaitProcessed(update("ar-10", "accepted", SNAPSHOT_AT.plusSeconds(60)));
        Fixtures.awaitProcessed(update("ar-11", "accepted", SNAPSHOT_AT.plusSeconds(120)));
        assertThat(places()).isEqualTo(1);

        // the directory has counted both, and publishes 1 place as of later: not taken off twice
        Instant counted = SNAPSHOT_AT.plusSeconds(600);
        Fixtures.publishAndAwait(yoga(1, 2, counted));
        assertThat(places()).isEqualTo(1);

        // given back after that snapshot: on top of it; one taken before it and given back after it: also back
        Fixtures.awaitProcessed(update("ar-11", "completed", counted.plusSeconds(60)));
        assertThat(places()).isEqualTo(2);
        // and never above the maximum
        Fixtures.publishAndAwait(yoga(12, 3, counted.plusSeconds(120)));
        Fixtures.awaitProcessed(update("ar-10", "failed", counted.plusSeconds(180)));
        assertThat(places()).isEqualTo(12);
    }

    @Test
    void anUpdateWithoutItsServiceGoesToTheDeadLetterTopic() {
        String poison = UUID.randomUUID().toString();
        TopicProbe.publish(Topic.ACTIVITY_REFERRAL_UPDATED, "k", EventJson.write(new ActivityReferralUpdated("ar-x",
                UUID.randomUUID().toString(), "p-" + UUID.randomUUID(), null, null, "org", Fixtures.PRACTICE, "lw.demo", "accepted", null,
                0, null, Instant.now())), poison);
        TopicProbe.awaitRecords(List.of("activity-referral-updated.dlq.matching-service"),
                seen -> seen.stream().anyMatch(r -> poison.equals(TopicProbe.header(r, "ce_id"))), Fixtures.PATIENCE);
    }
}
