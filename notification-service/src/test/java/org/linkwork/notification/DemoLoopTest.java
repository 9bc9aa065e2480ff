package org.linkwork.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.linkwork.events.ActivityCompleted;
import org.linkwork.events.ActivityReferralUpdated;
import org.linkwork.events.DirectoryReviewDue;
import org.linkwork.events.LinkworkEvent;
import org.linkwork.events.MatchProposed;
import org.linkwork.events.OutcomeRecorded;
import org.linkwork.events.ReferralAssessed;
import org.linkwork.events.ReferralAssigned;
import org.linkwork.events.ReferralCreated;
import org.linkwork.events.ReferralOverdue;
import org.linkwork.events.ReferralStatusChanged;
import org.linkwork.events.Topic;
import org.linkwork.notification.People.Person;
import org.linkwork.notification.delivery.Delivery;
import org.linkwork.notification.testing.NotificationTestResources;
import org.linkwork.platform.testing.TestTokens;
import org.linkwork.platform.testing.TopicProbe;

/**
 * The demo loop of the issue 12 design, driven as the events the other services publish, with the
 * actors of the loop, through the real broker: each inbox holds exactly the notices of the table in
 * this service's README ("Who hears what in the demo loop"), once each and in order, and the person
 * has exactly the messages planned there. Each step waits until this service has applied its events
 * (processed_event), as the loop's steps follow one another in life.
 */
@QuarkusTest
@WithTestResource(NotificationTestResources.class)
class DemoLoopTest {

    private static final String PRACTICE = "Y90001";
    private static final String TEAM = "leeds-north";
    private static final String OTHER_TEAM = "leeds-south";
    private static final String WALKING_ORG = "org-leeds-walking";
    private static final String ACTIVITY = "Tuesday walk and talk";
    /** The topics this service consumes; events of the others (referral-created, -assessed, outcome-recorded) concern nobody here. */
    private static final Set<String> CONSUMED = Set.of(Topic.REFERRAL_STATUS_CHANGED.topicName(), Topic.REFERRAL_ASSIGNED.topicName(),
            Topic.REFERRAL_OVERDUE.topicName(), Topic.MATCH_PROPOSED.topicName(), Topic.ACTIVITY_REFERRAL_UPDATED.topicName(),
            Topic.ACTIVITY_COMPLETED.topicName(), Topic.DIRECTORY_REVIEW_DUE.topicName());

    // the inboxes, as the demo realm's tokens carry them
    private static final String LW_DEMO = TestTokens.bearer("lw.demo", "link-worker", "U90001");
    private static final String GP_DEMO = TestTokens.bearer("gp.demo", "referrer", PRACTICE);
    private static final String PROVIDER_DEMO = TestTokens.bearer("provider.demo", "provider", WALKING_ORG);
    private static final String LW2_DEMO = TestTokens.bearer("lw2.demo", "link-worker", "U90002");
    private static final String GP2_DEMO = TestTokens.bearer("gp2.demo", "referrer", "Y90002");

    @Inject
    EntityManager em;

    @Test
    void eachInboxHoldsExactlyTheNoticesOfTheReadmeTable() {
        Person person = People.newPerson();
        People.knownAs(People.contact(person, "email", "en"));
        String referral = person.referralId();
        String p = person.personRef();
        String ref = "referral " + referral.substring(0, 8);
        String activityReferral = "ar-" + UUID.randomUUID();
        Instant nextSession = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.MINUTES);

        // 1. gp.demo posts a referral; it is assigned (system) to lw.demo in team leeds-north
        step(new ReferralCreated(referral, p, "api", PRACTICE, List.of("loneliness", "physical-activity"), "routine", "LS6", "65-74",
                "female", "white", 5, null, Instant.now(), TEAM));
        step(new ReferralAssigned(referral, p, PRACTICE, "lw.demo", "Sam Demo", null, "system", Instant.now(), TEAM, null, null, null));
        // 2. lw.demo accepts, then makes first contact
        step(status(person, "received", "accepted", "link-worker", "lw.demo"));
        step(status(person, "accepted", "contacted", "link-worker", "lw.demo"));
        // 3. lw.demo records the assessment
        step(new ReferralAssessed(referral, p, PRACTICE, "lw.demo", List.of("loneliness", "physical-activity"), List.of(),
                List.of("walking"), null, List.of(), List.of(), "full", null, false, "65-74", false, Instant.now(), TEAM));
        step(status(person, "contacted", "assessed", "link-worker", "lw.demo"));
        // 4. matching proposes on its own; referral-service sets matched (system)
        step(new MatchProposed(referral, p, PRACTICE, "lw.demo", IntStream.rangeClosed(1, 3)
                .mapToObj(rank -> new MatchProposed.Proposal(rank, "svc-" + rank, rank == 1 ? ACTIVITY : "Activity " + rank, WALKING_ORG,
                        1.0 / rank, 1.2, List.of("meets loneliness"), List.of()))
                .toList(), List.of(), Instant.now(), TEAM, null));
        step(status(person, "assessed", "matched", "system", null));
        // 5. lw.demo sends an activity referral
        step(activity(person, activityReferral, "requested", 0, null));
        // 6. provider.demo accepts
        step(activity(person, activityReferral, "accepted", 0, nextSession));
        // 7. the provider starts (the referral follows: in activity, system), records two sessions and completes
        step(activity(person, activityReferral, "in-progress", 0, nextSession));
        step(status(person, "matched", "in-activity", "system", null));
        step(activity(person, activityReferral, "in-progress", 1, nextSession));
        step(activity(person, activityReferral, "in-progress", 2, nextSession));
        step(activity(person, activityReferral, "completed", 2, null));
        step(new ActivityCompleted(activityReferral, referral, p, "svc-1", WALKING_ORG, 2, Instant.now(), PRACTICE, ACTIVITY));
        step(status(person, "in-activity", "completed", "system", null));
        // 8. lw.demo records a follow-up measure and closes the referral
        step(new OutcomeRecorded("m-" + UUID.randomUUID(), referral, p, "ons4", "follow-up", Map.of("life-satisfaction", 7.0),
                Instant.now()));
        step(status(person, "completed", "closed", "link-worker", "lw.demo"));

        // oldest first, as the README table lists them
        assertThat(titlesOldestFirst(LW_DEMO, referral)).containsExactly(
                "Linkwork gave you " + ref,                                          // 1 referral-assigned
                "Linkwork proposed 3 community activities for " + ref,              // 4 matches-ready
                "The provider accepted the activity referral",                      // 6 provider-answered
                "The provider recorded the activity as completed");                 // 7 activity-referral-ended
        assertThat(titlesOldestFirst(GP_DEMO, referral)).containsExactly(
                "The link worker accepted " + ref,                                  // 2 referral-updated
                "The link worker made first contact with the person on " + ref,     // 2 referral-updated
                "Linkwork proposed 3 community activities for " + ref,              // 4 matches-proposed
                "Linkwork recorded that the person on " + ref + " started an activity", // 7 referral-updated
                "The person you referred has finished their activity",              // 7 activity-completed
                "The link worker closed " + ref);                                   // 8 referral-updated
        assertThat(titlesOldestFirst(PROVIDER_DEMO, referral)).containsExactly(
                "A link worker asked for a place on " + ACTIVITY);                  // 5 activity-referral-requested
        assertThat(titlesOldestFirst(LW2_DEMO, referral)).isEmpty();
        assertThat(titlesOldestFirst(GP2_DEMO, referral)).isEmpty();
        // a colleague referrer of the practice reads the same referrers' inbox
        assertThat(titlesOldestFirst(TestTokens.bearer("gp.colleague", "referrer", PRACTICE), referral))
                .isEqualTo(titlesOldestFirst(GP_DEMO, referral));

        // the person: their link worker, the booking, the reminder (cancelled when the activity ended), the follow-up in 6 weeks
        List<Delivery> messages = People.awaitDeliveries(person, d -> d.size() == 4
                && d.stream().filter(x -> Set.of("link-worker-introduced", "booking-confirmed").contains(x.rule))
                        .allMatch(x -> Delivery.SENT.equals(x.status)));
        assertThat(messages).extracting(d -> d.rule, d -> d.status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("link-worker-introduced", Delivery.SENT),
                org.assertj.core.groups.Tuple.tuple("booking-confirmed", Delivery.SENT),
                org.assertj.core.groups.Tuple.tuple("session-reminder", Delivery.CANCELLED),
                org.assertj.core.groups.Tuple.tuple("follow-up-due", Delivery.PENDING));
        assertThat(messages.get(3).dueAt).isAfter(Instant.now().plus(Duration.ofDays(41)));
    }

    @Test
    void theStepsOutsideTheLoopTellWhomTheReadmeTableSays() {
        // overdue, reassignment within the team, a move to another team, withdrawal by the referrer
        Person person = People.newPerson();
        People.knownAs(People.contact(person, "sms", "en"));
        String referral = person.referralId();
        String p = person.personRef();
        String ref = "referral " + referral.substring(0, 8);
        String colleague = TestTokens.bearer("lw3.demo", "link-worker", "U90001");

        step(new ReferralAssigned(referral, p, PRACTICE, "lw.demo", "Sam Demo", null, "system", Instant.now(), TEAM, null, null, null));
        step(new ReferralOverdue(referral, p, PRACTICE, "lw.demo", "received", Instant.parse("2026-05-28T12:00:00Z"), Instant.now(), TEAM));
        // an administrator gives it to lw.demo's colleague lw3.demo
        step(new ReferralAssigned(referral, p, PRACTICE, "lw3.demo", "Jo Demo", "lw.demo", "admin", Instant.now(), TEAM, null,
                "admin.demo", null));
        // lw3.demo moves it to leeds-south: it came from a practice that team serves (for the test); lw2.demo takes it
        step(new ReferralAssigned(referral, p, PRACTICE, "lw2.demo", "Alex Demo", "lw3.demo", "link-worker", Instant.now(), OTHER_TEAM,
                TEAM, "lw3.demo", "wrong-practice"));
        // gp.demo withdraws it
        step(new ReferralStatusChanged(referral, p, PRACTICE, "lw2.demo", "received", "withdrawn", "no-longer-needed", "referrer",
                Instant.now(), OTHER_TEAM, "gp.demo"));

        assertThat(titlesOldestFirst(LW_DEMO, referral)).containsExactly(
                "Linkwork gave you " + ref,
                "First contact is overdue",
                "An administrator gave " + ref + " to another link worker in your team");
        assertThat(titlesOldestFirst(colleague, referral)).containsExactly("An administrator gave you " + ref);
        assertThat(titlesOldestFirst(LW2_DEMO, referral)).containsExactly(
                "A link worker in another team moved " + ref + " to your team",
                "The referrer withdrew " + ref);
        assertThat(titlesOldestFirst(GP_DEMO, referral)).isEmpty();
        assertThat(titlesOldestFirst(PROVIDER_DEMO, referral)).isEmpty();
        assertThat(Inboxes.about(LW2_DEMO, referral).get(1).get("body")).asString()
                .contains("Reason: it was sent to the wrong team for its practice.");
        // the person meets each new link worker
        assertThat(People.awaitDeliveries(person, d -> d.size() == 3)).extracting(d -> d.rule).containsOnly("link-worker-introduced");

        // a link worker declines on the person's behalf: the referrers hear, the link worker does not
        Person declined = People.newPerson();
        step(new ReferralStatusChanged(declined.referralId(), declined.personRef(), PRACTICE, "lw.demo", "contacted", "declined",
                "person-declined", "link-worker", Instant.now(), TEAM, "lw.demo"));
        assertThat(titlesOldestFirst(GP_DEMO, declined.referralId()))
                .containsExactly("The link worker closed referral " + declined.referralId().substring(0, 8) + ": the person declined");
        assertThat(titlesOldestFirst(LW_DEMO, declined.referralId())).isEmpty();

        // a directory entry is due for review: its providers are asked to check it
        String service = "Walk and talk " + UUID.randomUUID().toString().substring(0, 8);
        step(new DirectoryReviewDue("svc-" + UUID.randomUUID(), service, WALKING_ORG, LocalDate.parse("2025-06-01"), Instant.now()));
        for (String inbox : List.of(PROVIDER_DEMO, GP_DEMO, LW_DEMO)) {
            List<Object> reviews = Inboxes.inbox(inbox).<Map<String, Object>>getList("items").stream()
                    .filter(n -> String.valueOf(n.get("body")).contains(service)).map(n -> n.get("title")).toList();
            assertThat(reviews).isEqualTo(inbox.equals(PROVIDER_DEMO) ? List.of("Please check your directory entry") : List.of());
        }
    }

    /** Publishes one event as its producer would and, when this service consumes its topic, waits until it has been applied. */
    private void step(LinkworkEvent event) {
        String id = TopicProbe.publish(event);
        if (CONSUMED.contains(Topic.forPayload(event.getClass()).orElseThrow().topicName())) {
            Awaitility.await().atMost(Inboxes.PATIENCE).pollInterval(Duration.ofMillis(50)).until(() -> QuarkusTransaction.requiringNew()
                    .call(() -> ((Number) em.createNativeQuery("select count(*) from processed_event where event_id = :id")
                            .setParameter("id", id).getSingleResult()).longValue() == 1));
        }
    }

    private static ReferralStatusChanged status(Person person, String from, String to, String role, String by) {
        return new ReferralStatusChanged(person.referralId(), person.personRef(), PRACTICE, "lw.demo", from, to, null, role, Instant.now(),
                TEAM, by);
    }

    private static ActivityReferralUpdated activity(Person person, String activityReferral, String status, int sessions, Instant next) {
        return new ActivityReferralUpdated(activityReferral, person.referralId(), person.personRef(), "svc-1", "physical-activity",
                WALKING_ORG, PRACTICE, "lw.demo", status, null, sessions, next, Instant.now(), ACTIVITY);
    }

    /** The caller's notices about one referral, oldest first (none is read, so the inbox lists them newest first). */
    private static List<String> titlesOldestFirst(String bearer, String referral) {
        List<String> titles = new ArrayList<>(Inboxes.about(bearer, referral).stream().map(n -> (String) n.get("title")).toList());
        java.util.Collections.reverse(titles);
        return titles;
    }
}
