package org.linkwork.matching.proposal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.linkwork.matching.Fixtures.assessment;
import static org.linkwork.matching.Fixtures.service;
import static org.linkwork.matching.Fixtures.site;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linkwork.events.EventJson;
import org.linkwork.events.MatchFeedback;
import org.linkwork.events.MatchProposed;
import org.linkwork.events.ReferralAssigned;
import org.linkwork.events.TeamChanged;
import org.linkwork.events.Topic;
import org.linkwork.matching.Fixtures;
import org.linkwork.platform.testing.LinkworkTestResources;
import org.linkwork.platform.testing.TestTokens;
import org.linkwork.platform.testing.TopicProbe;

/** The proposal endpoints: who may use them, feedback, and re-running with other filters. */
@QuarkusTest
@WithTestResource(LinkworkTestResources.class)
class MatchResourceTest {

    @BeforeEach
    void debtAdviceDirectory() {
        Fixtures.clearDirectory();
        Fixtures.publishAndAwait(
                service("svc-debt-advice", "Debt advice", List.of("debt"), List.of("telephone"), null, 1,
                        site("advice-desk", "LS1 1AA", 53.7990, -1.5490)),
                service("svc-debt-online", "Online debt clinic", List.of("debt"), List.of("online"), null, 1),
                service("svc-debt-wakefield", "Debt drop-in, Wakefield", List.of("debt"), List.of("in-person"), 4, 1,
                        site("wakefield", "WF1 1AA", 53.6830, -1.4960)));
    }

    private static String proposedReferral() {
        String referralId = UUID.randomUUID().toString();
        TopicProbe.publish(assessment(referralId, List.of("debt"), List.of("telephone"), "LS1", null));
        Fixtures.awaitProposal(referralId);
        return referralId;
    }

    private static RequestSpecification as(String token) {
        return token == null ? given() : given().header("Authorization", token);
    }

    /** Each endpoint once, as the caller; returns the status. */
    private static List<Integer> statuses(String token, String referralId) {
        List<Integer> statuses = new ArrayList<>();
        statuses.add(as(token).get("/matches/" + referralId).statusCode());
        statuses.add(as(token).contentType("application/json").body("{}").post("/matches/" + referralId + "/rerun").statusCode());
        statuses.add(as(token).contentType("application/json").body(Map.of("serviceId", "svc-debt-advice", "decision", "chosen"))
                .post("/matches/" + referralId + "/feedback").statusCode());
        return statuses;
    }

    @Test
    void roleAndOrganisationDecideWhoMayUseEachEndpoint() {
        String referralId = proposedReferral();
        // GET /matches/{id}, POST /matches/{id}/rerun, POST /matches/{id}/feedback
        assertThat(statuses(Fixtures.linkWorker(), referralId)).as("link worker of the team the referral is with").containsExactly(200, 200, 201);
        assertThat(statuses(TestTokens.bearer("admin.demo", "admin", null), referralId)).as("admin").containsExactly(200, 200, 403);
        assertThat(statuses(TestTokens.bearer("lw.other", "link-worker", Fixtures.OTHER_PRACTICE), referralId))
                .as("link worker of another organisation").containsExactly(404, 404, 404);
        assertThat(statuses(TestTokens.bearer("lw.noorg", "link-worker", null), referralId)).as("link worker without organisation")
                .containsExactly(404, 404, 404);
        assertThat(statuses(TestTokens.bearer("lw.practice", "link-worker", Fixtures.PRACTICE), referralId))
                .as("link worker whose org_id is the referring practice, in no team").containsExactly(404, 404, 404);
        for (String role : List.of("referrer", "provider", "analyst")) {
            assertThat(statuses(TestTokens.bearer("someone", role, Fixtures.PRACTICE), referralId)).as(role).containsExactly(403, 403, 403);
        }
        assertThat(statuses(null, referralId)).as("anonymous").containsExactly(401, 401, 401);
        assertThat(statuses("Bearer not.a.token", referralId)).as("bad token").containsExactly(401, 401, 401);
        // errors are problem+json, a stranger's referral as if it did not exist
        as(TestTokens.bearer("lw.other", "link-worker", Fixtures.OTHER_PRACTICE)).get("/matches/" + referralId)
                .then().contentType("application/problem+json").body("type", equalTo("urn:linkwork:problem:not-found"));
        as(TestTokens.bearer("someone", "provider", Fixtures.PRACTICE)).get("/matches/" + referralId)
                .then().contentType("application/problem+json").body("type", equalTo("urn:linkwork:problem:forbidden"));
        given().get("/matches/" + referralId).then().header("WWW-Authenticate", "Bearer");
    }

    @Test
    void twoTeamsAndTwoPracticesEachTeamSeesOnlyItsOwnReferrals() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String teamA = "a-" + suffix;
        String teamB = "b-" + suffix;
        Fixtures.team(teamA, java.time.Instant.now(), new TeamChanged.Member("lwa-" + suffix, true),
                new TeamChanged.Member("gone-" + suffix, false));
        Fixtures.team(teamB, java.time.Instant.now(), new TeamChanged.Member("lwb-" + suffix, true));
        String memberA = TestTokens.bearer("lwa-" + suffix, "link-worker", "PCNA");
        String memberB = TestTokens.bearer("lwb-" + suffix, "link-worker", "PCNB");
        String former = TestTokens.bearer("gone-" + suffix, "link-worker", "PCNA");
        String practice1 = "Y1" + suffix.toUpperCase();
        String practice2 = "Y2" + suffix.toUpperCase();
        // a token naming the referral's practice, but in no team: the organisation grants nothing
        String practiceCoded = TestTokens.bearer("lw-stray-" + suffix, "link-worker", practice1);
        String ofA = proposedFor(teamA, practice1);
        String ofB = proposedFor(teamB, practice2);

        assertThat(statuses(memberA, ofA)).as("team A's member on A's referral").containsExactly(200, 200, 201);
        assertThat(statuses(memberA, ofB)).as("team A's member on B's referral").containsExactly(404, 404, 404);
        assertThat(statuses(memberB, ofB)).as("team B's member on B's referral").containsExactly(200, 200, 201);
        assertThat(statuses(memberB, ofA)).as("team B's member on A's referral").containsExactly(404, 404, 404);
        assertThat(statuses(former, ofA)).as("a former member of A").containsExactly(404, 404, 404);
        assertThat(statuses(practiceCoded, ofA)).as("a link worker whose token names the practice").containsExactly(404, 404, 404);
        assertThat(statuses(TestTokens.bearer("admin.demo", "admin", null), ofB)).as("admin").containsExactly(200, 200, 403);
        for (String role : List.of("referrer", "provider", "analyst")) {
            assertThat(statuses(TestTokens.bearer("someone", role, practice1), ofA)).as(role).containsExactly(403, 403, 403);
        }

        // a saved re-run is published with the team and the link worker who saved it; an admin's names nobody
        as(memberA).contentType("application/json").body("{\"save\":true}").post("/matches/" + ofA + "/rerun").then().statusCode(200);
        MatchProposed byMember = Fixtures.awaitProposalsUntil(ofA, p -> p.stream().anyMatch(m -> m.requestedBy() != null)).stream()
                .filter(m -> m.requestedBy() != null).findFirst().orElseThrow();
        assertThat(byMember.requestedBy()).isEqualTo("lwa-" + suffix);
        assertThat(byMember.teamId()).isEqualTo(teamA);
        assertThat(byMember.referrerOrganization()).isEqualTo(practice1);
        as(TestTokens.bearer("admin.demo", "admin", null)).contentType("application/json").body("{\"save\":true}")
                .post("/matches/" + ofB + "/rerun").then().statusCode(200);
        List<MatchProposed> ofBPublished = Fixtures.awaitProposals(ofB, 2);
        assertThat(ofBPublished).extracting(MatchProposed::teamId).containsOnly(teamB);
        assertThat(ofBPublished).extracting(MatchProposed::requestedBy).containsOnlyNulls();

        // a member leaves team B: a new snapshot takes their access away
        Fixtures.team(teamB, java.time.Instant.now(), new TeamChanged.Member("lwb-" + suffix, false));
        as(memberB).get("/matches/" + ofB).then().statusCode(404);
        // an older snapshot arriving late changes nothing
        Fixtures.publishLate(teamB, java.time.Instant.now().minusSeconds(3600), new TeamChanged.Member("lwb-" + suffix, true));
        as(memberB).get("/matches/" + ofB).then().statusCode(404);
    }

    @Test
    void aReferralMovedToAnotherTeamTakesItsProposalWithIt() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String teamA = "ma-" + suffix;
        String teamB = "mb-" + suffix;
        Fixtures.team(teamA, java.time.Instant.now(), new TeamChanged.Member("lwa-" + suffix, true));
        Fixtures.team(teamB, java.time.Instant.now(), new TeamChanged.Member("lwb-" + suffix, true));
        String memberA = TestTokens.bearer("lwa-" + suffix, "link-worker", "PCNA");
        String memberB = TestTokens.bearer("lwb-" + suffix, "link-worker", "PCNB");

        // moved after its proposal
        String moved = proposedFor(teamA, "P1");
        as(memberA).get("/matches/" + moved).then().statusCode(200);
        TopicProbe.publish(new ReferralAssigned(moved, "p-" + UUID.randomUUID(), "P1", "lwb-" + suffix, "Bea", "lwa-" + suffix,
                "link-worker", java.time.Instant.now(), teamB, teamA, "lwa-" + suffix, "wrong-practice"));
        org.awaitility.Awaitility.await().atMost(Fixtures.PATIENCE)
                .until(() -> as(memberB).get("/matches/" + moved).statusCode() == 200);
        as(memberA).get("/matches/" + moved).then().statusCode(404);

        // the move heard before the assessment it followed: the later event wins
        String early = UUID.randomUUID().toString();
        java.time.Instant assessedAt = java.time.Instant.now();
        Fixtures.awaitConsumed(TopicProbe.publish(new ReferralAssigned(early, "p-" + UUID.randomUUID(), "P1", "lwb-" + suffix, "Bea",
                "lwa-" + suffix, "link-worker", assessedAt.plusSeconds(60), teamB, teamA, "lwa-" + suffix, "wrong-area")));
        org.linkwork.events.ReferralAssessed a = assessment(early, List.of("debt"), List.of("telephone"), "LS1", null);
        TopicProbe.publish(new org.linkwork.events.ReferralAssessed(a.referralId(), a.personRef(), "P1", a.linkWorker(), a.needs(),
                a.goalAreas(), a.interests(), a.preferences(), a.healthConditions(), a.accessibilityRequirements(), a.digitalAccess(),
                a.travel(), a.costSensitive(), a.ageBand(), false, assessedAt, teamA));
        MatchProposed published = Fixtures.awaitProposals(early, 1).get(0);
        assertThat(published.teamId()).isEqualTo(teamB);
        assertThat(published.requestedBy()).isNull();
        as(memberB).get("/matches/" + early).then().statusCode(200);
        as(memberA).get("/matches/" + early).then().statusCode(404);

        // a saved re-run names who asked for it
        as(memberB).contentType("application/json").body("{\"save\":true}").post("/matches/" + early + "/rerun").then().statusCode(200);
        MatchProposed rerun = Fixtures.awaitProposals(early, 2).get(1);
        assertThat(rerun.requestedBy()).isEqualTo("lwb-" + suffix);
        assertThat(rerun.teamId()).isEqualTo(teamB);
    }

    @Test
    void aReferralWithNoKnownTeamIsForAdminsOnly() {
        // an assessment from before teams were carried, and no assignment naming one
        String referralId = proposedFor(null, Fixtures.PRACTICE);
        assertThat(Fixtures.awaitProposal(referralId).teamId()).isNull();
        assertThat(statuses(Fixtures.linkWorker(), referralId)).as("a team's member").containsExactly(404, 404, 404);
        assertThat(statuses(TestTokens.bearer("lw.practice", "link-worker", Fixtures.PRACTICE), referralId))
                .as("link worker of the practice's organisation").containsExactly(404, 404, 404);
        assertThat(statuses(TestTokens.bearer("admin.demo", "admin", null), referralId)).as("admin").containsExactly(200, 200, 403);
    }

    /** An assessment of a referral of the practice, with the team that serves it; waits for the proposal. */
    private static String proposedFor(String teamId, String practice) {
        String referralId = UUID.randomUUID().toString();
        org.linkwork.events.ReferralAssessed a = assessment(referralId, List.of("debt"), List.of("telephone"), "LS1", null);
        TopicProbe.publish(new org.linkwork.events.ReferralAssessed(a.referralId(), a.personRef(), practice, a.linkWorker(), a.needs(),
                a.goalAreas(), a.interests(), a.preferences(), a.healthConditions(), a.accessibilityRequirements(), a.digitalAccess(),
                a.travel(), a.costSensitive(), a.ageBand(), false, a.assessedAt(), teamId));
        Fixtures.awaitProposal(referralId);
        return referralId;
    }

    @Test
    void theReferringOrganisationsLinkWorkerReadsTheProposalWithReasonsAndNearMisses() {
        String referralId = proposedReferral();
        as(Fixtures.linkWorker()).get("/matches/" + referralId).then().statusCode(200).contentType("application/json")
                .body("referralId", equalTo(referralId))
                .body("proposals.serviceId", equalTo(List.of("svc-debt-advice")))
                .body("proposals[0].reasons", hasItems("meets 1 of 1 need: debt", "by telephone, as preferred"))
                .body("proposals[0].reasonsAgainst", equalTo(List.of()))
                // equal scores: the one with a known distance first
                .body("excluded.serviceId", equalTo(List.of("svc-debt-wakefield", "svc-debt-online")))
                .body("excluded[0].reasons", equalTo(List.of("runs only in person; the person wants by telephone")))
                .body("excluded[1].reasons", equalTo(List.of("runs only online; the person wants by telephone")));
    }

    @Test
    void noProposalYetOrAnUnreadableIdIsNotFound() {
        as(Fixtures.linkWorker()).get("/matches/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json").body("type", equalTo("urn:linkwork:problem:not-found"));
        as(Fixtures.linkWorker()).get("/matches/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
        as(TestTokens.bearer("admin.demo", "admin", null)).get("/matches/" + UUID.randomUUID()).then().statusCode(404);
        as(Fixtures.linkWorker()).contentType("application/json").body(Map.of("serviceId", "x", "decision", "chosen"))
                .post("/matches/" + UUID.randomUUID() + "/feedback").then().statusCode(404);
    }

    @Test
    void feedbackIsStoredShownAndPublished() {
        String referralId = proposedReferral();
        // read first, so the verdicts below must replace what was read before
        as(Fixtures.linkWorker()).get("/matches/" + referralId).then().statusCode(200).body("feedback", equalTo(List.of()));
        as(Fixtures.linkWorker()).contentType("application/json")
                .body(Map.of("serviceId", "svc-debt-advice", "decision", "not-suitable", "reasonCode", "wrong-time"))
                .post("/matches/" + referralId + "/feedback").then().statusCode(201)
                .body("referralId", equalTo(referralId)).body("decision", equalTo("not-suitable"))
                .body("reasonCode", equalTo("wrong-time")).body("rank", equalTo(1)).body("linkWorker", equalTo("lw.demo"));
        as(Fixtures.linkWorker()).get("/matches/" + referralId).then().statusCode(200)
                .body("feedback.serviceId", equalTo(List.of("svc-debt-advice")));
        // a near-miss can be chosen too: the link worker knows something the rules do not
        as(Fixtures.linkWorker()).contentType("application/json").body(Map.of("serviceId", "svc-debt-wakefield", "decision", "chosen"))
                .post("/matches/" + referralId + "/feedback").then().statusCode(201).body("rank", equalTo(null));

        as(Fixtures.linkWorker()).get("/matches/" + referralId).then().statusCode(200)
                .body("feedback.serviceId", equalTo(List.of("svc-debt-advice", "svc-debt-wakefield")))
                .body("feedback.decision", equalTo(List.of("not-suitable", "chosen")));

        List<ConsumerRecord<String, String>> records = TopicProbe.awaitRecords(List.of(Topic.MATCH_FEEDBACK.topicName()),
                seen -> seen.stream().filter(r -> referralId.equals(r.key())).count() == 2, Fixtures.PATIENCE);
        List<MatchFeedback> published = records.stream().filter(r -> referralId.equals(r.key()))
                .map(r -> EventJson.read(r.value(), MatchFeedback.class)).toList();
        assertThat(published).extracting(MatchFeedback::serviceId).containsExactly("svc-debt-advice", "svc-debt-wakefield");
        assertThat(published.get(0).reasonCode()).isEqualTo("wrong-time");
        assertThat(published.get(0).rank()).isEqualTo(1);
        assertThat(published.get(0).personRef()).startsWith("p-");
        assertThat(TopicProbe.header(records.stream().filter(r -> referralId.equals(r.key())).findFirst().orElseThrow(), "ce_type"))
                .isEqualTo("linkwork.match.feedback.v1");
    }

    @Test
    void badFeedbackIsRefusedNamingTheFieldAndNothingIsWritten() {
        String referralId = proposedReferral();
        List<Map<String, Object>> bad = List.of(
                Map.of("decision", "chosen"),
                Map.of("serviceId", "svc-debt-advice", "decision", "maybe"),
                Map.of("serviceId", "svc-debt-advice", "decision", "not-suitable"),
                Map.of("serviceId", "svc-debt-advice", "decision", "not-suitable", "reasonCode", "too-boring"),
                Map.of("serviceId", "svc-debt-advice", "decision", "chosen", "reasonCode", "cost"),
                Map.of("serviceId", "svc-nowhere", "decision", "chosen"));
        List<String> fields = List.of("serviceId", "decision", "reasonCode", "reasonCode", "reasonCode", "serviceId");
        for (int i = 0; i < bad.size(); i++) {
            as(Fixtures.linkWorker()).contentType("application/json").body(bad.get(i)).post("/matches/" + referralId + "/feedback")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("urn:linkwork:problem:validation-failed")).body("errors[0].field", equalTo(fields.get(i)));
        }
        as(Fixtures.linkWorker()).contentType("application/json").body("{\"serviceId\": \"svc-debt-advice\", \"decison\": \"chosen\"}")
                .post("/matches/" + referralId + "/feedback").then().statusCode(400).contentType("application/problem+json");
        long stored = QuarkusTransaction.requiringNew().call(() -> Feedback.count("referralId", UUID.fromString(referralId)));
        assertThat(stored).isZero();
    }

    @Test
    void aReRunShowsOtherFiltersAndOnlyReplacesTheProposalWhenSaved() {
        String referralId = proposedReferral();
        // any way of taking part, up to 20 km: the online clinic and the Wakefield drop-in (13 km) come in
        as(Fixtures.linkWorker()).contentType("application/json").body(Map.of("deliveryModes", List.of(), "maxTravelKm", 20))
                .post("/matches/" + referralId + "/rerun").then().statusCode(200)
                .body("stored", equalTo(false))
                .body("proposals.serviceId", equalTo(List.of("svc-debt-advice", "svc-debt-online", "svc-debt-wakefield")))
                .body("excluded", equalTo(List.of()));
        as(Fixtures.linkWorker()).get("/matches/" + referralId).then().statusCode(200)
                .body("proposals.serviceId", equalTo(List.of("svc-debt-advice")));

        // in person only, 10 km: Wakefield is too far, and named as the near-miss
        as(Fixtures.linkWorker()).contentType("application/json").body(Map.of("deliveryModes", List.of("in-person"), "maxTravelKm", 10))
                .post("/matches/" + referralId + "/rerun").then().statusCode(200)
                .body("proposals", equalTo(List.of()))
                .body("excluded.serviceId", hasItems("svc-debt-wakefield"));

        as(Fixtures.linkWorker()).contentType("application/json").body(Map.of("deliveryModes", List.of(), "maxTravelKm", 20, "save", true))
                .post("/matches/" + referralId + "/rerun").then().statusCode(200).body("stored", equalTo(true));
        as(Fixtures.linkWorker()).get("/matches/" + referralId).then().statusCode(200)
                .body("proposals.serviceId", equalTo(List.of("svc-debt-advice", "svc-debt-online", "svc-debt-wakefield")));
        // the saved re-run is announced like any proposal
        assertThat(Fixtures.awaitProposals(referralId, 2).get(1).proposals()).hasSize(3);
    }

    @Test
    void badFiltersAreRefusedNamingTheField() {
        String referralId = proposedReferral();
        Map<String, Object> days = Map.of("days", List.of("tue", "funday"));
        Map<String, Object> radius = Map.of("maxTravelKm", 500);
        Map<String, Object> modes = Map.of("deliveryModes", List.of("carrier-pigeon"));
        as(Fixtures.linkWorker()).contentType("application/json").body(days).post("/matches/" + referralId + "/rerun")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("days[1]"));
        as(Fixtures.linkWorker()).contentType("application/json").body(radius).post("/matches/" + referralId + "/rerun")
                .then().statusCode(400).body("errors[0].field", equalTo("maxTravelKm"));
        as(Fixtures.linkWorker()).contentType("application/json").body(modes).post("/matches/" + referralId + "/rerun")
                .then().statusCode(400).body("errors[0].field", equalTo("deliveryModes[0]"));
    }
}
