package org.linkwork.matching.proposal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.linkwork.matching.Fixtures.assessment;
import static org.linkwork.matching.Fixtures.service;
import static org.linkwork.matching.Fixtures.site;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linkwork.events.MatchProposed;
import org.linkwork.events.ReferralAssessed;
import org.linkwork.events.Topic;
import org.linkwork.matching.Fixtures;
import org.linkwork.platform.testing.LinkworkTestResources;
import org.linkwork.platform.testing.TopicProbe;

/** From directory snapshots and an assessment on the broker to a published, stored and readable proposal. */
@QuarkusTest
@WithTestResource(LinkworkTestResources.class)
class MatchingTest {

    private static final List<String> LONELY_AND_INACTIVE = List.of("loneliness", "physical-activity");
    private static final List<String> IN_PERSON = List.of("in-person");

    @BeforeEach
    void emptyDirectory() {
        Fixtures.clearDirectory();
    }

    /**
     * Leeds: the bundled centroid table puts LS6 at 53.818, -1.570; the walk is 0.7 km from it, the shed 1.5 km.
     */
    private static void publishLeedsDirectory() {
        Fixtures.publishAndAwait(
                service("svc-walk", "Walk and talk", LONELY_AND_INACTIVE, IN_PERSON, 3, 1, site("walk-park", "LS6 1AA", 53.8200, -1.5800)),
                service("svc-shed", "Men's shed", List.of("loneliness"), IN_PERSON, null, 1, site("shed-yard", "ls6 2bb", 53.8300, -1.5600)),
                service("svc-choir", "Community choir", List.of("loneliness", "arts-creativity"), List.of("in-person", "online"), null, 1,
                        site("choir-hall", "YO1 7HH", 53.9600, -1.0800)),
                service("svc-befriend-c", "Befriending C", List.of("loneliness"), List.of(), 10, 1),
                service("svc-befriend-b", "Befriending B", List.of("loneliness"), List.of(), 10, 1),
                service("svc-befriend-a", "Befriending A", List.of("loneliness"), List.of(), 10, 1),
                // left out: full, too far for an in-person-only service, online only, not active, no shared need
                service("svc-full", "Chair yoga", LONELY_AND_INACTIVE, IN_PERSON, 0, 1, site("yoga-room", "LS7 3AA", 53.8200, -1.5400)),
                service("svc-harrogate", "Harrogate ramblers", LONELY_AND_INACTIVE, IN_PERSON, 8, 1,
                        site("ramblers-hut", "HG1 1AA", 53.9921, -1.5418)),
                service("svc-online", "Online movers", LONELY_AND_INACTIVE, List.of("online"), 20, 1),
                Fixtures.withStatus(service("svc-closed", "Closed club", LONELY_AND_INACTIVE, IN_PERSON, 5, 1,
                        site("club", "LS7 1AA", 53.8150, -1.5450)), "temporarily closed"),
                service("svc-debt", "Debt advice", List.of("debt"), IN_PERSON, 5, 1, site("advice-desk", "LS8 1AA", 53.8250, -1.5300)));
    }

    private static ReferralAssessed leedsAssessment(String referralId) {
        return assessment(referralId, LONELY_AND_INACTIVE, IN_PERSON, "LS6", 5.0);
    }

    @Test
    void proposalsAreRankedWithReasonsAndHardConstraintsLeaveServicesOut() {
        publishLeedsDirectory();
        String referralId = UUID.randomUUID().toString();
        ReferralAssessed assessed = leedsAssessment(referralId);
        TopicProbe.publish(assessed);

        MatchProposed proposed = Fixtures.awaitProposal(referralId);
        assertThat(proposed.personRef()).isEqualTo(assessed.personRef());
        assertThat(proposed.referrerOrganization()).isEqualTo(Fixtures.PRACTICE);
        assertThat(proposed.linkWorker()).isEqualTo("lw.demo");
        // five at most (linkwork.matching.max-proposals); the befriending services tie, so their ids decide
        assertThat(proposed.proposals()).extracting(MatchProposed.Proposal::serviceId)
                .containsExactly("svc-walk", "svc-shed", "svc-befriend-a", "svc-befriend-b", "svc-befriend-c");
        assertThat(proposed.proposals()).extracting(MatchProposed.Proposal::rank).containsExactly(1, 2, 3, 4, 5);
        // what every one shares: goals, interests, setting, language, cost unstated (1 each), no schedule (0.5), no assured date (0.5)
        // walk: 0.35 + 0.2 * (1 - 0.7/5) + 0.05 mode + 0.335 = 0.907; shed: 0.175 + 0.2 * 0.7 + 0.385; befriending: 0.175 + 0.335
        assertThat(proposed.proposals()).extracting(MatchProposed.Proposal::score).containsExactly(0.907, 0.7, 0.51, 0.51, 0.51);
        assertThat(proposed.proposals()).extracting(MatchProposed.Proposal::distanceKm).containsExactly(0.7, 1.5, null, null, null);

        MatchProposed.Proposal walk = proposed.proposals().get(0);
        assertThat(walk.serviceName()).isEqualTo("Walk and talk");
        assertThat(walk.organizationId()).isEqualTo("org-svc-walk");
        assertThat(walk.reasons()).containsExactly("meets 2 of 2 needs: loneliness, physical-activity", "0.7 km away",
                "in person, as preferred", "3 places left");
        assertThat(walk.reasonsAgainst()).isEmpty();
        assertThat(proposed.proposals().get(1).reasons()).containsExactly("meets 1 of 2 needs: loneliness", "1.5 km away",
                "in person, as preferred");
        assertThat(proposed.proposals().get(1).reasonsAgainst()).containsExactly("does not address physical-activity");
        assertThat(proposed.proposals().get(2).reasons()).containsExactly("meets 1 of 2 needs: loneliness", "10 places left");
        assertThat(proposed.proposals().get(2).reasonsAgainst()).containsExactly("does not address physical-activity",
                "does not say whether it runs in person, online or by telephone");

        // the near-misses that would have been proposed, best first, with why; far beyond reach (Harrogate), closed
        // and unrelated services are not even that
        assertThat(proposed.excluded()).extracting(MatchProposed.Excluded::serviceId).containsExactly("svc-full", "svc-online", "svc-choir");
        assertThat(proposed.excluded().get(0).reasons()).containsExactly("no places left");
        assertThat(proposed.excluded().get(1).reasons()).containsExactly("runs only online; the person wants in person");
        assertThat(proposed.excluded().get(2).reasons()).singleElement().asString()
                .matches("3[0-9]\\.[0-9] km away, beyond the 5 km the person can travel");

        // the link worker reads the same proposal
        given().header("Authorization", Fixtures.linkWorker()).get("/matches/" + referralId)
                .then().statusCode(200)
                .body("referralId", equalTo(referralId))
                .body("proposedAt", equalTo(proposed.proposedAt().toString()))
                .body("stored", equalTo(true))
                .body("proposals.serviceId", equalTo(List.of("svc-walk", "svc-shed", "svc-befriend-a", "svc-befriend-b", "svc-befriend-c")))
                .body("proposals[0].rank", equalTo(1))
                .body("proposals[0].serviceName", equalTo("Walk and talk"))
                .body("proposals[0].organizationId", equalTo("org-svc-walk"))
                .body("proposals[0].score", equalTo(0.907f))
                .body("proposals[0].distanceKm", equalTo(0.7f))
                .body("proposals[0].reasons", equalTo(walk.reasons()))
                .body("proposals[1].reasonsAgainst", equalTo(List.of("does not address physical-activity")))
                .body("proposals[3].distanceKm", equalTo(null))
                .body("excluded.serviceId", equalTo(List.of("svc-full", "svc-online", "svc-choir")))
                .body("excluded[0].reasons", equalTo(List.of("no places left")))
                .body("feedback", equalTo(List.of()));
    }

    @Test
    void theEventIsACloudEventWithCodedContentOnly() {
        publishLeedsDirectory();
        String referralId = UUID.randomUUID().toString();
        TopicProbe.publish(leedsAssessment(referralId));

        List<ConsumerRecord<String, String>> records = TopicProbe.awaitRecords(List.of(Topic.MATCH_PROPOSED.topicName()),
                seen -> seen.stream().anyMatch(r -> referralId.equals(r.key())), Fixtures.PATIENCE);
        ConsumerRecord<String, String> record = records.stream().filter(r -> referralId.equals(r.key())).findFirst().orElseThrow();
        assertThat(TopicProbe.header(record, "ce_type")).isEqualTo("linkwork.match.proposed.v1");
        assertThat(TopicProbe.header(record, "ce_source")).isEqualTo("/linkwork/matching-service");
        assertThat(TopicProbe.header(record, "ce_subject")).isEqualTo(referralId);
        // the person's district stays inside matching; only distances leave it
        assertThat(record.value()).doesNotContain("LS6", "65-74");
    }

    @Test
    void sameInputsGiveTheSameRankingAndAReassessmentReplacesTheProposal() {
        publishLeedsDirectory();
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        TopicProbe.publish(leedsAssessment(first));
        TopicProbe.publish(leedsAssessment(second));
        List<MatchProposed.Proposal> firstRanking = Fixtures.awaitProposal(first).proposals();
        assertThat(Fixtures.awaitProposal(second).proposals()).isEqualTo(firstRanking);
        assertThat(firstRanking).isNotEmpty();

        // re-assessed: now only wants to get active, online or in person, with no travel limit (so 20 km): the online
        // class counts half close (0.835), the ramblers 19.4 km away hardly at all (0.741)
        TopicProbe.publish(assessment(first, List.of("physical-activity"), List.of("online", "in-person"), "LS6", null));
        MatchProposed replaced = Fixtures.awaitProposals(first, 2).get(1);
        assertThat(replaced.proposals()).extracting(MatchProposed.Proposal::serviceId)
                .containsExactly("svc-walk", "svc-online", "svc-harrogate");
        given().header("Authorization", Fixtures.linkWorker()).get("/matches/" + first)
                .then().statusCode(200)
                .body("proposedAt", equalTo(replaced.proposedAt().toString()))
                .body("proposals.serviceId", equalTo(List.of("svc-walk", "svc-online", "svc-harrogate")));
        long stored = QuarkusTransaction.requiringNew().call(() -> MatchProposal.count("referralId", UUID.fromString(first)));
        assertThat(stored).isEqualTo(1);
    }

    @Test
    void anAssessmentWithNoCandidatesStillGetsAnEmptyProposal() {
        publishLeedsDirectory();
        String referralId = UUID.randomUUID().toString();
        TopicProbe.publish(assessment(referralId, List.of("housing"), IN_PERSON, "LS6", 5.0));

        assertThat(Fixtures.awaitProposal(referralId).proposals()).isEmpty();
        given().header("Authorization", Fixtures.linkWorker()).get("/matches/" + referralId)
                .then().statusCode(200).body("referralId", equalTo(referralId)).body("proposals", equalTo(List.of()));
    }

    @Test
    void anUnknownDistrictMeansNoDistances() {
        publishLeedsDirectory();
        String referralId = UUID.randomUUID().toString();
        TopicProbe.publish(assessment(referralId, LONELY_AND_INACTIVE, IN_PERSON, "ZE2", 5.0));

        MatchProposed proposed = Fixtures.awaitProposal(referralId);
        assertThat(proposed.proposals()).extracting(MatchProposed.Proposal::distanceKm).containsOnlyNulls();
        // with no place, nothing is too far: the Harrogate ramblers come back
        assertThat(proposed.proposals()).extracting(MatchProposed.Proposal::serviceId).contains("svc-harrogate")
                .doesNotContain("svc-full", "svc-online", "svc-closed", "svc-debt");
        assertThat(proposed.proposals().get(0).reasons()).noneMatch(r -> r.contains("km"));
    }
}
