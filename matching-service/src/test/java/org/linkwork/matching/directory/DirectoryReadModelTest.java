package org.linkwork.matching.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linkwork.matching.Fixtures.assessment;
import static org.linkwork.matching.Fixtures.service;
import static org.linkwork.matching.Fixtures.site;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linkwork.events.DirectoryServiceChanged;
import org.linkwork.events.EventJson;
import org.linkwork.events.MatchProposed;
import org.linkwork.events.Topic;
import org.linkwork.matching.Fixtures;
import org.linkwork.platform.testing.LinkworkTestResources;
import org.linkwork.platform.testing.TopicProbe;

/** Matching's copy of the directory follows the compacted directory-service-changed topic. */
@QuarkusTest
@WithTestResource(LinkworkTestResources.class)
class DirectoryReadModelTest {

    @BeforeEach
    void emptyDirectory() {
        Fixtures.clearDirectory();
    }

    private static DirectoryService stored(String id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            DirectoryService s = DirectoryService.findById(id);
            if (s != null) {
                s.taxonomyCodes.size();
                s.locations.size();
            }
            return s;
        });
    }

    private static List<String> proposedServices(List<String> needs) {
        String referralId = UUID.randomUUID().toString();
        TopicProbe.publish(assessment(referralId, needs, List.of(), "LS6", null));
        return Fixtures.awaitProposal(referralId).proposals().stream().map(MatchProposed.Proposal::serviceId).toList();
    }

    @Test
    void aSnapshotIsKeptWithWhatMatchingNeeds() {
        Fixtures.publishAndAwait(service("svc-garden", "Community garden", List.of("nature", "loneliness", "growing-food"),
                List.of("in-person", "in-person"), 6, 3, site("plot-1", "ls6 4aa", 53.8310, -1.5790),
                site("plot-2", null, null, null), site("plot-1", "LS6 9ZZ", 53.0, -1.0)));

        DirectoryService garden = stored("svc-garden");
        assertThat(garden.name).isEqualTo("Community garden");
        assertThat(garden.organizationId).isEqualTo("org-svc-garden");
        assertThat(garden.organizationName).isEqualTo("Provider of Community garden");
        assertThat(garden.status).isEqualTo("active");
        assertThat(garden.taxonomyCodes).containsExactlyInAnyOrder("nature", "loneliness", "growing-food");
        assertThat(garden.deliveryModeCodes()).containsExactly("in-person");
        assertThat(garden.placesAvailable).isEqualTo(6);
        assertThat(garden.version).isEqualTo(3);
        assertThat(garden.locations).extracting(l -> l.locationId).containsExactlyInAnyOrder("plot-1", "plot-2");
        ServiceLocation plot = garden.locations.stream().filter(l -> l.locationId.equals("plot-1")).findFirst().orElseThrow();
        assertThat(plot.postcode).isEqualTo("ls6 4aa");
        assertThat(plot.postcodeDistrict).isEqualTo("LS6");
        assertThat(plot.latitude).isEqualTo(53.8310);
        assertThat(plot.longitude).isEqualTo(-1.5790);
    }

    @Test
    void aTombstoneRemovesTheService() {
        Fixtures.publishAndAwait(service("svc-grief", "Bereavement cafe", List.of("bereavement"), List.of("in-person"), null, 1,
                site("cafe", "LS6 1AA", 53.8200, -1.5800)));
        assertThat(proposedServices(List.of("bereavement"))).containsExactly("svc-grief");

        Fixtures.tombstoneAndAwait("svc-grief");
        assertThat(stored("svc-grief")).isNull();
        long sites = QuarkusTransaction.requiringNew().call(() -> ((Number) Panache.getEntityManager()
                .createNativeQuery("select count(*) from directory_location where service_id = 'svc-grief'").getSingleResult()).longValue());
        assertThat(sites).isZero();
        assertThat(proposedServices(List.of("bereavement"))).isEmpty();
    }

    @Test
    void anOlderSnapshotDoesNotUndoANewerOne() {
        DirectoryServiceChanged v2 = service("svc-swim", "Swim club (new times)", List.of("physical-activity"), List.of("in-person"), 4, 2,
                site("pool", "LS6 1AA", 53.8200, -1.5800));
        DirectoryServiceChanged v1 = service("svc-swim", "Swim club", List.of("physical-activity"), List.of("in-person"), 0, 1,
                site("pool", "LS6 1AA", 53.8200, -1.5800));
        Fixtures.publishAndAwait(v2);
        Fixtures.publishAndAwait(v1);

        DirectoryService swim = stored("svc-swim");
        assertThat(swim.version).isEqualTo(2);
        assertThat(swim.name).isEqualTo("Swim club (new times)");
        assertThat(swim.placesAvailable).isEqualTo(4);
        assertThat(proposedServices(List.of("physical-activity"))).containsExactly("svc-swim");

        // a newer one is applied
        Fixtures.publishAndAwait(service("svc-swim", "Swim club", List.of("physical-activity"), List.of("in-person"), 0, 3));
        assertThat(stored("svc-swim").placesAvailable).isZero();
        assertThat(stored("svc-swim").locations).isEmpty();
        assertThat(proposedServices(List.of("physical-activity"))).isEmpty();
    }

    @Test
    void aRedeliveredSnapshotIsAppliedOnce() {
        String eventId = UUID.randomUUID().toString();
        String payload = EventJson.write(service("svc-art", "Arts on prescription", List.of("arts-creativity"), List.of("in-person"), 5, 5));
        TopicProbe.publish(Topic.DIRECTORY_SERVICE_CHANGED, "svc-art", payload, eventId);
        Fixtures.awaitProcessed(eventId);
        Fixtures.tombstoneAndAwait("svc-art");

        // the deleted service's snapshot comes again with its event id, then a marker on the same key (so it is read after it):
        // had the redelivery brought version 5 back, the marker's version 1 would be ignored
        TopicProbe.publish(Topic.DIRECTORY_SERVICE_CHANGED, "svc-art", payload, eventId);
        Fixtures.publishAndAwait(service("svc-art", "Arts (marker)", List.of("arts-creativity"), List.of(), null, 1));
        assertThat(stored("svc-art").name).isEqualTo("Arts (marker)");
        assertThat(stored("svc-art").version).isEqualTo(1);
    }

    @Test
    void aPoisonSnapshotGoesToTheDeadLetterTopicAndTheConsumerKeepsGoing() {
        String poisonId = UUID.randomUUID().toString();
        TopicProbe.publish(Topic.DIRECTORY_SERVICE_CHANGED, "svc-broken", "{\"serviceId\": \"svc-broken\", ", poisonId);
        String mismatchId = UUID.randomUUID().toString();
        TopicProbe.publish(Topic.DIRECTORY_SERVICE_CHANGED, "svc-other-key",
                EventJson.write(service("svc-mismatch", "Mismatch", List.of("food"), List.of(), null, 1)), mismatchId);

        TopicProbe.awaitRecords(List.of("directory-service-changed.dlq.matching-service"),
                seen -> seen.stream().map(r -> TopicProbe.header(r, "ce_id")).toList().containsAll(List.of(poisonId, mismatchId)),
                Fixtures.PATIENCE);

        Fixtures.publishAndAwait(service("svc-food", "Food bank", List.of("food"), List.of("in-person"), null, 1));
        assertThat(stored("svc-food")).isNotNull();
        assertThat(stored("svc-mismatch")).isNull();
    }
}
