package org.linkwork.outcomes.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.linkwork.outcomes.journey.JourneyEvents.DAY;
import static org.linkwork.outcomes.journey.JourneyEvents.HOUR;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.linkwork.events.ActivityCompleted;
import org.linkwork.events.EventJson.MalformedEventException;
import org.linkwork.events.LinkworkEvent;

/** The fold is a join: duplicates and any order of arrival end in the same journey. */
class JourneyFoldTest {

    private static final Instant T0 = Instant.parse("2025-03-03T09:00:00Z");

    private static ReferralJourney fold(List<LinkworkEvent> events) {
        ReferralJourney j = new ReferralJourney();
        events.forEach(e -> JourneyFold.apply(j, e));
        // what is stored is the JSON form: the journey must survive it unchanged
        return JourneyJson.read(JourneyJson.write(j));
    }

    @Test
    void aWholeJourneyIsFoldedIntoItsFacts() {
        String id = UUID.randomUUID().toString();
        ReferralJourney j = fold(JourneyEvents.fullJourney(id, "y90001", T0, DAY.multipliedBy(2), DAY.multipliedBy(10), 24.11));
        assertThat(j.referralId).isEqualTo(id);
        assertThat(j.practice).isEqualTo("Y90001");
        assertThat(j.status).isEqualTo("closed");
        assertThat(j.receivedAt).isEqualTo(T0);
        assertThat(j.entered).containsEntry("contacted", T0.plus(DAY.multipliedBy(2))).containsKeys("received", "accepted", "assessed",
                "matched", "in-activity", "completed", "closed");
        assertThat(j.firstAssignedAt).isEqualTo(T0.plusSeconds(60));
        assertThat(j.assessedAt).isEqualTo(T0.plus(DAY.multipliedBy(2)).plus(HOUR));
        ReferralJourney.Activity a = j.activities.get("ar-" + id);
        assertThat(a.providerOrganizationId).isEqualTo("org-leeds-walking");
        assertThat(a.status).isEqualTo("completed");
        assertThat(a.startedAt).isEqualTo(T0.plus(DAY.multipliedBy(10)));
        assertThat(a.sessionsAttended).isEqualTo(6);
        assertThat(j.decisions).containsOnlyKeys("svc-walk", "svc-choir");
        assertThat(j.wellbeing.get("swemwbs").baseline.scores()).containsEntry("metric", 19.25);
        assertThat(j.wellbeing.get("swemwbs").followUp.scores()).containsEntry("metric", 24.11);
        assertThat(j.providers()).containsExactly("org-leeds-walking");
        assertThat(j.activityTypes()).containsExactly("physical-activity");
    }

    @Test
    void duplicatesAndEveryOrderOfArrivalEndInTheSameJourney() {
        String id = UUID.randomUUID().toString();
        everyOrderEndsInTheSameJourney(JourneyEvents.fullJourney(id, "Y90001", T0, DAY, DAY.multipliedBy(9), 22.35), 42);
    }

    @Test
    void withAMoveBetweenTeamsToo() {
        String id = UUID.randomUUID().toString();
        List<LinkworkEvent> events = JourneyEvents.fullJourney(id, "Y90001", T0, DAY, DAY.multipliedBy(9), 22.35, "leeds-north",
                "leeds-south");
        assertThat(events).hasSize(22);
        ReferralJourney j = everyOrderEndsInTheSameJourney(events, 7);
        assertThat(j.teamId).isEqualTo("leeds-south");
    }

    /** Folds the events in order, then in 300 shuffled orders with redeliveries: always the same journey. */
    private static ReferralJourney everyOrderEndsInTheSameJourney(List<LinkworkEvent> events, long seed) {
        ReferralJourney inOrder = fold(events);
        Random random = new Random(seed);
        for (int round = 0; round < 300; round++) {
            List<LinkworkEvent> arrival = new ArrayList<>(events);
            // redeliveries: some events come twice or three times
            for (int i = 0; i < 6; i++) {
                arrival.add(events.get(random.nextInt(events.size())));
            }
            Collections.shuffle(arrival, random);
            assertThat(fold(arrival)).as("arrival order %d", round).isEqualTo(inOrder);
        }
        return inOrder;
    }

    @Test
    void theTeamIsTheLatestEventsByItsOwnTimeWhateverTheOrder() {
        String id = UUID.randomUUID().toString();
        Instant move = T0.plus(DAY);
        LinkworkEvent created = JourneyEvents.created(id, "Y90001", T0, null, null, null, null, "leeds-north");
        LinkworkEvent accepted = JourneyEvents.status(id, "Y90001", "received", "accepted", null, T0.plus(HOUR), "leeds-north");
        LinkworkEvent moved = JourneyEvents.movedTeam(id, "Y90001", "leeds-north", "leeds-south", move);
        // an event written before teams were carried says nothing about the team
        LinkworkEvent untold = JourneyEvents.status(id, "Y90001", "accepted", "contacted", null, move.plus(HOUR));
        for (List<LinkworkEvent> order : List.of(List.of(created, accepted, moved, untold), List.of(moved, untold, accepted, created),
                List.of(untold, created, moved, accepted))) {
            ReferralJourney j = fold(order);
            assertThat(j.teamId).as("%s", order).isEqualTo("leeds-south");
            assertThat(j.teamAt).isEqualTo(move);
        }
        assertThat(fold(List.of(untold)).teamId).isNull();
        assertThat(fold(List.of(untold, created)).teamId).isEqualTo("leeds-north");
        // two events of the same time naming different teams: the larger id, in either order
        LinkworkEvent tie = JourneyEvents.status(id, "Y90001", "received", "accepted", null, T0, "aire-valley");
        assertThat(fold(List.of(created, tie)).teamId).isEqualTo(fold(List.of(tie, created)).teamId).isEqualTo("leeds-north");
    }

    @Test
    void aLateOlderStatusChangeDoesNotUndoALaterOneAndCreationDoesNotResetAStatus() {
        String id = UUID.randomUUID().toString();
        ReferralJourney j = fold(List.of(
                JourneyEvents.status(id, "Y90001", "contacted", "assessed", null, T0.plus(DAY.multipliedBy(3))),
                JourneyEvents.status(id, "Y90001", "received", "accepted", null, T0.plus(DAY)),
                JourneyEvents.created(id, "Y90001", T0, "75+", "male", "white", 9)));
        assertThat(j.status).isEqualTo("assessed");
        assertThat(j.receivedAt).isEqualTo(T0);
        assertThat(j.entered).containsEntry("accepted", T0.plus(DAY));
    }

    @Test
    void aStatusChangeBeforeReferralCreatedStandsInForThePracticeUntilItComes() {
        String id = UUID.randomUUID().toString();
        ReferralJourney j = fold(List.of(JourneyEvents.status(id, "y12345", "received", "accepted", null, T0)));
        assertThat(j.practice).isEqualTo("Y12345");
        assertThat(j.receivedAt).isNull();
        JourneyFold.apply(j, JourneyEvents.created(id, "Y90001", T0, null, null, null, null));
        assertThat(j.practice).isEqualTo("Y90001");
    }

    @Test
    void aCompletionThatNamesThePracticeStandsInForItToo() {
        String id = UUID.randomUUID().toString();
        ReferralJourney j = fold(List.of(new ActivityCompleted("ar-" + id, id, JourneyEvents.personRef(id), "svc-walk",
                "org-leeds-walking", 6, T0, "y12345", "Walk and talk")));
        assertThat(j.practice).isEqualTo("Y12345");
        // one written before the practice was carried leaves it to the other events
        String old = UUID.randomUUID().toString();
        assertThat(fold(List.of(new ActivityCompleted("ar-" + old, old, JourneyEvents.personRef(old), "svc-walk",
                "org-leeds-walking", 6, T0))).practice).isNull();
    }

    @Test
    void theFirstBaselineAndTheLatestFollowUpAreKeptAndCustomTimepointsLeftOut() {
        String id = UUID.randomUUID().toString();
        ReferralJourney j = fold(List.of(
                JourneyEvents.outcome(id, "m3", "ucla3", "follow-up", java.util.Map.of("total", 4.0), T0.plus(DAY.multipliedBy(90))),
                JourneyEvents.outcome(id, "m2", "ucla3", "baseline", java.util.Map.of("total", 8.0), T0.plus(DAY)),
                JourneyEvents.outcome(id, "m1", "ucla3", "baseline", java.util.Map.of("total", 7.0), T0),
                JourneyEvents.outcome(id, "m4", "ucla3", "follow-up", java.util.Map.of("total", 5.0), T0.plus(DAY.multipliedBy(30))),
                JourneyEvents.outcome(id, "m5", "ucla3", "6-months", java.util.Map.of("total", 3.0), T0.plus(DAY.multipliedBy(180)))));
        assertThat(j.wellbeing.get("ucla3").baseline.measureId()).isEqualTo("m1");
        assertThat(j.wellbeing.get("ucla3").followUp.measureId()).isEqualTo("m3");
    }

    @Test
    void malformedEventsAreRefusedBeforeAnythingChanges() {
        ReferralJourney j = new ReferralJourney();
        assertThatThrownBy(() -> JourneyFold.apply(j, JourneyEvents.status("not-a-uuid", "Y90001", "a", "accepted", null, T0)))
                .isInstanceOf(MalformedEventException.class);
        String id = UUID.randomUUID().toString();
        assertThatThrownBy(() -> JourneyFold.apply(j, JourneyEvents.status(id, "Y90001", "a", "teleported", null, T0)))
                .isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> JourneyFold.apply(j, JourneyEvents.activity(id, "ar", "p", "lost", 0, T0)))
                .isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> JourneyFold.apply(j, JourneyEvents.created(id, "Y90001", T0, null, null, null, 11)))
                .isInstanceOf(MalformedEventException.class);
        assertThat(j.status).isNull();
        assertThat(j.activities).isEmpty();
    }
}
