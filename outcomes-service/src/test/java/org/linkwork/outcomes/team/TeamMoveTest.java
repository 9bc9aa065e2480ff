package org.linkwork.outcomes.team;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.linkwork.outcomes.Lifecycle.created;
import static org.linkwork.outcomes.Lifecycle.moved;
import static org.linkwork.outcomes.Lifecycle.newPractice;
import static org.linkwork.outcomes.Lifecycle.newReferralId;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.linkwork.events.LinkworkEvent;
import org.linkwork.events.ReferralAssigned;
import org.linkwork.outcomes.Kpis;
import org.linkwork.outcomes.Teams;
import org.linkwork.platform.testing.LinkworkTestResources;
import org.linkwork.platform.testing.TopicProbe;

/**
 * A referral moved from team A to team B (referral-assigned with previousTeamId) is team B's, whether
 * the move arrives before or after the events of its time with team A: the latest event's own time decides.
 */
@QuarkusTest
@WithTestResource(LinkworkTestResources.class)
class TeamMoveTest {

    @Test
    void aMoveBetweenTeamsGivesTheReferralToTheNewTeamInEitherOrderOfArrival() {
        String practice = newPractice();
        String teamA = Teams.newTeam();
        String teamB = Teams.newTeam();
        String lwA = Teams.newLinkWorker();
        String lwB = Teams.newLinkWorker();
        Teams.publish(teamA, List.of(practice), Teams.active(lwA));
        Teams.publish(teamB, List.of(), Teams.active(lwB));
        Teams.awaitMember(teamA, lwA);
        Teams.awaitMember(teamB, lwB);

        Instant t0 = Instant.parse("2025-10-06T09:00:00Z");
        Instant moveAt = t0.plus(Duration.ofHours(2));
        String inOrder = newReferralId();
        String moveFirst = newReferralId();
        for (String id : List.of(inOrder, moveFirst)) {
            List<LinkworkEvent> events = List.of(
                    created(id, practice, t0, teamA),
                    moved(id, practice, "received", "accepted", t0.plus(Duration.ofHours(1)), teamA),
                    new ReferralAssigned(id, "p-" + UUID.randomUUID(), practice, "lw.b", "B Worker", lwA, "link-worker", moveAt, teamB,
                            teamA, lwA, "wrong-practice"));
            (id.equals(inOrder) ? events : events.reversed()).forEach(TopicProbe::publish);
        }
        // both referrals' referral-created (a day of receipt) and their move (team B) applied
        String day = LocalDate.ofInstant(t0, ZoneId.of("Europe/London")).toString();
        Kpis.awaitCounts(Map.of("accepted", 2), "team", teamB, "from", day, "to", day);
        assertThat(Kpis.total("team", teamA)).isZero();

        for (String id : List.of(inOrder, moveFirst)) {
            given().header("Authorization", Teams.linkWorker(lwB)).get("/referrals/" + id + "/wellbeing").then().statusCode(200);
            given().header("Authorization", Teams.linkWorker(lwA)).get("/referrals/" + id + "/wellbeing").then().statusCode(404);
            given().header("Authorization", Teams.linkWorker(lwA)).contentType(ContentType.JSON)
                    .body(Map.of("referralId", id, "instrument", "goals", "timepoint", "baseline", "answers", Map.of("goal-1", 3)))
                    .post("/measures").then().statusCode(404);
            given().header("Authorization", Teams.linkWorker(lwB)).contentType(ContentType.JSON)
                    .body(Map.of("referralId", id, "instrument", "goals", "timepoint", "baseline", "answers", Map.of("goal-1", 3)))
                    .post("/measures").then().statusCode(201);
        }
        given().header("Authorization", Teams.linkWorker(lwA)).get("/kpis").then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(0));
        given().header("Authorization", Teams.linkWorker(lwB)).queryParam("team", teamB).get("/kpis").then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(2));
    }
}
