package org.linkwork.matching.proposal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.linkwork.matching.Fixtures.assessment;
import static org.linkwork.matching.Fixtures.service;
import static org.linkwork.matching.Fixtures.site;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.linkwork.matching.Fixtures;
import org.linkwork.platform.testing.LinkworkTestResources;
import org.linkwork.platform.testing.TestTokens;
import org.linkwork.platform.testing.TopicProbe;

/** Who may read a proposal: the referring organisation's link workers, and admins. */
@QuarkusTest
@WithTestResource(LinkworkTestResources.class)
class MatchResourceTest {

    private static String proposedReferral() {
        Fixtures.publishAndAwait(service("svc-debt-advice", "Debt advice", List.of("debt"), List.of("telephone"), null, 1,
                site("advice-desk", "LS1 1AA", 53.7990, -1.5490)));
        String referralId = UUID.randomUUID().toString();
        TopicProbe.publish(assessment(referralId, List.of("debt"), List.of("telephone"), "LS1", null));
        Fixtures.awaitProposal(referralId);
        return referralId;
    }

    @Test
    void theReferringOrganisationsLinkWorkersAndAdminsReadIt() {
        String referralId = proposedReferral();
        given().header("Authorization", Fixtures.linkWorker()).get("/matches/" + referralId)
                .then().statusCode(200).contentType("application/json")
                .body("referralId", equalTo(referralId))
                .body("proposals.find { it.serviceId == 'svc-debt-advice' }.reasons",
                        equalTo(List.of("meets 1 of 1 need: debt", "0.0 km away", "by telephone, as preferred")));
        given().header("Authorization", TestTokens.bearer("admin.demo", "admin", null)).get("/matches/" + referralId)
                .then().statusCode(200).body("referralId", equalTo(referralId));
    }

    @Test
    void anotherOrganisationsReferralDoesNotExistForYou() {
        String referralId = proposedReferral();
        given().header("Authorization", TestTokens.bearer("lw.other", "link-worker", Fixtures.OTHER_PRACTICE))
                .get("/matches/" + referralId).then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("urn:linkwork:problem:not-found"));
        given().header("Authorization", TestTokens.bearer("lw.noorg", "link-worker", null))
                .get("/matches/" + referralId).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void otherRolesAreForbiddenAndAnonymousCallersUnauthorised() {
        String referralId = proposedReferral();
        for (String role : List.of("referrer", "provider", "analyst")) {
            given().header("Authorization", TestTokens.bearer("someone", role, Fixtures.PRACTICE))
                    .get("/matches/" + referralId).then().statusCode(403).contentType("application/problem+json")
                    .body("type", equalTo("urn:linkwork:problem:forbidden"));
        }
        given().get("/matches/" + referralId).then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
        given().header("Authorization", "Bearer not.a.token").get("/matches/" + referralId).then().statusCode(401);
    }

    @Test
    void noProposalYetOrAnUnreadableIdIsNotFound() {
        given().header("Authorization", Fixtures.linkWorker()).get("/matches/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json").body("type", equalTo("urn:linkwork:problem:not-found"));
        given().header("Authorization", Fixtures.linkWorker()).get("/matches/not-a-uuid")
                .then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer("admin.demo", "admin", null)).get("/matches/" + UUID.randomUUID())
                .then().statusCode(404);
    }
}
