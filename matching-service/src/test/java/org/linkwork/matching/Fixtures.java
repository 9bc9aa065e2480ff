package org.linkwork.matching;

import io.quarkus.arc.Arc;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.linkwork.events.DirectoryServiceChanged;
import org.linkwork.events.EventJson;
import org.linkwork.events.MatchProposed;
import org.linkwork.events.ReferralAssessed;
import org.linkwork.events.TeamChanged;
import org.linkwork.events.Topic;
import org.linkwork.matching.directory.DirectoryIndex;
import org.linkwork.matching.team.TeamMembers;
import org.linkwork.platform.testing.TestTokens;
import org.linkwork.platform.testing.TopicProbe;

/** Test data: directory snapshots, assessments, the demo organisations' tokens, and waiting for their effects. */
public final class Fixtures {

    public static final String PRACTICE = "Y90001";
    public static final String OTHER_PRACTICE = "Y90002";
    public static final Duration PATIENCE = Duration.ofSeconds(30);
    /** The demo team, which serves the practice: lw.demo is its active member. */
    public static final String TEAM = "leeds-north";
    /** lw.demo's employer: a link worker's org_id, which grants nothing here. */
    public static final String PCN = "U90001";
    private static volatile boolean teamKnown;

    private Fixtures() {
    }

    public static String linkWorker() {
        return TestTokens.bearer("lw.demo", "link-worker", PCN);
    }

    /** Publishes a team snapshot and waits until this instance's view holds it. */
    public static void team(String teamId, Instant changedAt, TeamChanged.Member... members) {
        TopicProbe.publish(new TeamChanged(teamId, "Team " + teamId, PCN, List.of(), List.of(), List.of(members), changedAt));
        TeamMembers view = Arc.container().instance(TeamMembers.class).get();
        Awaitility.await().atMost(PATIENCE).until(() -> view.team(teamId).map(t -> !t.changedAt().isBefore(
                changedAt.truncatedTo(java.time.temporal.ChronoUnit.MICROS))).orElse(false));
    }

    /** Publishes a snapshot that may be older than the one applied; waits until this service has consumed it. */
    public static void publishLate(String teamId, Instant changedAt, TeamChanged.Member... members) {
        awaitConsumed(TopicProbe.publish(new TeamChanged(teamId, "Team " + teamId, PCN, List.of(), List.of(), List.of(members), changedAt)));
    }

    /** Waits until this service has recorded the event as processed. */
    public static void awaitConsumed(String eventId) {
        Awaitility.await().atMost(PATIENCE).until(() -> QuarkusTransaction.requiringNew().call(() -> ((Number) Panache.getEntityManager()
                .createNativeQuery("select count(*) from processed_event where event_id = :id").setParameter("id", eventId)
                .getSingleResult()).longValue() > 0));
    }

    /** The demo team with lw.demo in it, once per test run. */
    public static void ensureTeam() {
        if (!teamKnown) {
            team(TEAM, Instant.now(), new TeamChanged.Member("lw.demo", true));
            teamKnown = true;
        }
    }

    public static DirectoryServiceChanged.Place site(String id, String postcode, Double latitude, Double longitude) {
        return new DirectoryServiceChanged.Place(id, "Site " + id, postcode, latitude, longitude);
    }

    /** A snapshot of an active service run by a provider named after it. */
    public static DirectoryServiceChanged service(String id, String name, List<String> needs, List<String> modes, Integer places,
            long version, DirectoryServiceChanged.Place... sites) {
        return new DirectoryServiceChanged(id, name, "About " + name, "active", "org-" + id, "Provider of " + name, needs, modes,
                Arrays.asList(sites), List.of(), null, List.of(), List.of(), null, null, places, null, null, version, Instant.now());
    }

    public static DirectoryServiceChanged withStatus(DirectoryServiceChanged s, String status) {
        return new DirectoryServiceChanged(s.serviceId(), s.name(), s.description(), status, s.organizationId(), s.organizationName(),
                s.taxonomyCodes(), s.deliveryModes(), s.locations(), s.schedule(), s.eligibility(), s.accessibilityFeatures(),
                s.languages(), s.setting(), s.free(), s.placesAvailable(), s.maximumPlaces(), s.assuredDate(), s.version(), s.changedAt());
    }

    /** Publishes the snapshots as the directory would and waits until matching has applied every one. */
    public static void publishAndAwait(DirectoryServiceChanged... snapshots) {
        List<String> ids = new ArrayList<>();
        for (DirectoryServiceChanged s : snapshots) {
            ids.add(TopicProbe.publish(s));
        }
        ids.forEach(Fixtures::awaitProcessed);
    }

    /** The directory deleted the service: a tombstone, a record with its key and no value. */
    public static void tombstoneAndAwait(String serviceId) {
        String eventId = UUID.randomUUID().toString();
        TopicProbe.publish(Topic.DIRECTORY_SERVICE_CHANGED, serviceId, null, eventId);
        awaitProcessed(eventId);
    }

    /**
     * Waits until the idempotent consumer has recorded the event, its effect committed with it, and
     * the in-memory index has taken that effect too: the index is updated just after the commit.
     */
    public static void awaitProcessed(String eventId) {
        Awaitility.await().atMost(PATIENCE).until(() -> QuarkusTransaction.requiringNew().call(() -> ((Number) Panache.getEntityManager()
                .createNativeQuery("select count(*) from processed_event where event_id = :id").setParameter("id", eventId)
                .getSingleResult()).longValue() == 1));
        DirectoryIndex index = io.quarkus.arc.Arc.container().instance(DirectoryIndex.class).get();
        Awaitility.await().atMost(PATIENCE).until(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> stored = QuarkusTransaction.requiringNew().call(() -> Panache.getEntityManager()
                    .createNativeQuery("select id, revision from directory_service").getResultList());
            return index.size() == stored.size()
                    && stored.stream().allMatch(row -> index.revision((String) row[0]) == ((Number) row[1]).longValue());
        });
    }

    /** Empties the read model, and the index with it as a restart would, so a test ranks only the services it published. */
    public static void clearDirectory() {
        QuarkusTransaction.requiringNew().run(() -> {
            Panache.getEntityManager().createNativeQuery("delete from directory_service").executeUpdate();
            Panache.getEntityManager().createNativeQuery("delete from activity_referral_place").executeUpdate();
        });
        io.quarkus.arc.Arc.container().instance(org.linkwork.matching.directory.DirectoryIndexLoader.class).get().reload();
    }

    public static ReferralAssessed assessment(String referralId, List<String> needs, List<String> modes, String district,
            Double maxTravelKm) {
        ensureTeam();
        return new ReferralAssessed(referralId, "p-" + UUID.randomUUID(), PRACTICE, "lw.demo", needs, List.of(), List.of(),
                new ReferralAssessed.Preferences(modes, List.of("tue", "thu"), List.of(), null, null), List.of(), List.of(), null,
                new ReferralAssessed.Travel(district, maxTravelKm, false), false, "65-74", false, Instant.now(), TEAM);
    }

    /** Waits for the proposals published for the referral; returns them in the order published. */
    public static List<MatchProposed> awaitProposals(String referralId, int count) {
        return awaitProposalsUntil(referralId, proposals -> proposals.size() >= count);
    }

    /** Waits until the proposals published for the referral, in the order published, meet the condition; returns them. */
    public static List<MatchProposed> awaitProposalsUntil(String referralId, Predicate<List<MatchProposed>> done) {
        List<ConsumerRecord<String, String>> records = TopicProbe.awaitRecords(List.of(Topic.MATCH_PROPOSED.topicName()),
                seen -> done.test(proposalsFor(referralId, seen)), PATIENCE);
        return proposalsFor(referralId, records);
    }

    private static List<MatchProposed> proposalsFor(String referralId, List<ConsumerRecord<String, String>> records) {
        return records.stream().filter(r -> referralId.equals(r.key()))
                .map(r -> EventJson.read(r.value(), MatchProposed.class)).toList();
    }

    public static MatchProposed awaitProposal(String referralId) {
        return awaitProposals(referralId, 1).get(0);
    }
}
