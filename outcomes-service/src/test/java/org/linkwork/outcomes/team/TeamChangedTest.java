package org.linkwork.outcomes.team;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.linkwork.events.EventJson;
import org.linkwork.events.TeamChanged;
import org.linkwork.events.Topic;
import org.linkwork.outcomes.Kpis;
import org.linkwork.outcomes.SamePartition;
import org.linkwork.outcomes.Teams;
import org.linkwork.platform.testing.LinkworkTestResources;
import org.linkwork.platform.testing.TopicProbe;

/**
 * team-changed is applied once per event id, as a replacement of the team's members, never going back
 * to an older snapshot; a record that cannot be applied goes to team-changed.dlq.outcomes-service.
 */
@QuarkusTest
@WithTestResource(LinkworkTestResources.class)
class TeamChangedTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Inject
    EntityManager em;

    @Test
    void aRedeliveryIsSkippedOnItsIdAndAnOlderSnapshotIsIgnored() {
        String team = Teams.newTeam();
        String member = Teams.newLinkWorker();
        String before = Teams.newLinkWorker();
        Instant t = Instant.now();
        String eventId = UUID.randomUUID().toString();
        TopicProbe.publish(Topic.TEAM_CHANGED, team, EventJson.write(Teams.snapshot(team, t, List.of("Y90001"), Teams.active(member))),
                eventId);
        Teams.awaitMember(team, member);

        // an older snapshot, delivered late: it names someone else, and is ignored
        TopicProbe.publish(Teams.snapshot(team, t.minus(MINUTE), List.of("Y90001"), Teams.active(before)));
        // a copy with the same ce_id whose body, were it applied, would win on time and remove the member: the id alone decides
        TopicProbe.publish(Topic.TEAM_CHANGED, team, EventJson.write(Teams.snapshot(team, t.plus(MINUTE), List.of("Y90001"))), eventId);
        // then a marker on the same partition: once it is applied, so are both before it
        String marker = SamePartition.referralIdBeside(Topic.TEAM_CHANGED, team);
        String markerMember = Teams.newLinkWorker();
        TopicProbe.publish(Teams.snapshot(marker, t, List.of(), Teams.active(markerMember)));
        Teams.awaitMember(marker, markerMember);

        assertThat(Teams.kpiStatus(team, member)).isEqualTo(200);
        assertThat(Teams.kpiStatus(team, before)).isEqualTo(404);
        assertThat(processedCopies(eventId)).isEqualTo(1);
        assertThat(members(team)).containsExactly(member + " active");

        // a newer snapshot replaces the members
        String next = Teams.newLinkWorker();
        TopicProbe.publish(Teams.snapshot(team, t.plus(MINUTE.multipliedBy(2)), List.of("Y90001"), Teams.inactive(member),
                Teams.active(next)));
        Teams.awaitMember(team, next);
        assertThat(Teams.kpiStatus(team, member)).isEqualTo(404);
        assertThat(members(team)).containsExactlyInAnyOrder(member + " inactive", next + " active");
    }

    @Test
    void poisonGoesToTheDeadLetterTopicAndTheConsumerKeepsGoing() {
        String team = Teams.newTeam();
        Instant t = Instant.now();
        String notJson = UUID.randomUUID().toString();
        TopicProbe.publish(Topic.TEAM_CHANGED, team, "{this is not json", notJson);
        String noTeam = UUID.randomUUID().toString();
        TopicProbe.publish(Topic.TEAM_CHANGED, team, EventJson.write(Teams.snapshot(null, t, List.of(), Teams.active("lw.x"))), noTeam);
        String badTeam = UUID.randomUUID().toString();
        TopicProbe.publish(Topic.TEAM_CHANGED, "Leeds North!",
                EventJson.write(Teams.snapshot("Leeds North!", t, List.of(), Teams.active("lw.x"))), badTeam);
        String noTime = UUID.randomUUID().toString();
        TopicProbe.publish(Topic.TEAM_CHANGED, team, EventJson.write(Teams.snapshot(team, null, List.of(), Teams.active("lw.x"))), noTime);
        String noUsername = UUID.randomUUID().toString();
        TopicProbe.publish(Topic.TEAM_CHANGED, team, EventJson.write(Teams.snapshot(team, t, List.of(), Teams.active(" "))), noUsername);
        String noMembers = UUID.randomUUID().toString();
        TopicProbe.publish(Topic.TEAM_CHANGED, team, EventJson.write(new TeamChanged(team, "Team", null, List.of(), List.of(), null, t)),
                noMembers);
        String otherKey = UUID.randomUUID().toString();
        TopicProbe.publish(Topic.TEAM_CHANGED, team,
                EventJson.write(Teams.snapshot(Teams.newTeam(), t, List.of(), Teams.active("lw.x"))), otherKey);

        Set<String> poison = Set.of(notJson, noTeam, badTeam, noTime, noUsername, noMembers, otherKey);
        TopicProbe.awaitRecords(List.of("team-changed.dlq.outcomes-service"), seen -> seen.stream()
                .map(r -> TopicProbe.header(r, "ce_id")).collect(Collectors.toSet()).containsAll(poison), Kpis.PATIENCE);

        String member = Teams.newLinkWorker();
        TopicProbe.publish(Teams.snapshot(team, t, List.of("Y90001"), Teams.active(member)));
        Teams.awaitMember(team, member);
        assertThat(members(team)).containsExactly(member + " active");
        assertThat(QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("select count(*) from processed_event where event_id in (:ids)")
                .setParameter("ids", poison).getSingleResult()).longValue())).isZero();
    }

    private long processedCopies(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("select count(*) from processed_event where event_id = :id")
                .setParameter("id", eventId).getSingleResult()).longValue());
    }

    @SuppressWarnings("unchecked")
    private List<String> members(String team) {
        return QuarkusTransaction.requiringNew().call(() -> ((List<Object[]>) em
                .createNativeQuery("select username, active from team_member where team_id = :team order by username")
                .setParameter("team", team).getResultList()).stream()
                .map(r -> r[0] + ((Boolean) r[1] ? " active" : " inactive")).toList());
    }
}
