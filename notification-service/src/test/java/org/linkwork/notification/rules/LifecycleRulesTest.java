package org.linkwork.notification.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.linkwork.events.ActivityCompleted;
import org.linkwork.events.ActivityReferralUpdated;
import org.linkwork.events.DirectoryReviewDue;
import org.linkwork.events.EventJson.MalformedEventException;
import org.linkwork.events.ReferralAssigned;
import org.linkwork.events.ReferralOverdue;
import org.linkwork.events.ReferralStatusChanged;

/** The rules for assignment, overdue, activity referrals, completion and directory reviews, at a fixed time. */
class LifecycleRulesTest {

    private static final Instant NOW = Instant.parse("2026-06-01T09:00:00Z");
    private static final String REFERRAL = "6f1c2d0e-8a57-4a0f-9d3e-1c2b3a4d5e6f";
    private static final UUID REFERRAL_ID = UUID.fromString(REFERRAL);
    private static final String PERSON = "p-0f8fad5b";
    private static final String EVENT = "evt-1";
    private static final NotificationRules RULES = new NotificationRules(RuleSettings.defaults(), Clock.fixed(NOW, ZoneOffset.UTC));

    private static ActivityReferralUpdated activity(String status, String reason, Instant nextSession) {
        return new ActivityReferralUpdated("ar-1", REFERRAL, PERSON, "svc-1", "physical-activity", "org-leeds-walking", "Y90001",
                "lw.demo", status, reason, 0, nextSession, NOW);
    }

    @Test
    void anAssignmentTellsTheLinkWorkerAndIntroducesThemToThePerson() {
        Notifications n = RULES.forAssignment(new ReferralAssigned(REFERRAL, PERSON, "Y90001", "lw.demo", "Sam Jones", null, "system", NOW), EVENT);
        assertThat(n.notices()).singleElement().satisfies(notice -> {
            assertThat(notice.rule()).isEqualTo(Rule.REFERRAL_ASSIGNED);
            assertThat(notice.recipient()).isEqualTo(Recipient.user("lw.demo"));
            assertThat(notice.title()).isEqualTo("Linkwork gave you referral 6f1c2d0e");
            assertThat(notice.body()).isEqualTo("Linkwork gave you referral 6f1c2d0e. Please contact the person soon.")
                    .doesNotContain(PERSON, "Sam");
        });
        assertThat(n.messages()).singleElement().satisfies(m -> {
            assertThat(m.rule()).isEqualTo(Rule.LINK_WORKER_INTRODUCED);
            assertThat(m.personRef()).isEqualTo(PERSON);
            assertThat(m.dedupKey()).isEqualTo(EVENT);
            assertThat(m.dueAt()).isEqualTo(NOW);
        });
        assertThatThrownBy(() -> RULES.forAssignment(new ReferralAssigned(REFERRAL, PERSON, "Y90001", null, null, null, "system", NOW), EVENT))
                .isInstanceOf(MalformedEventException.class);
    }

    @Test
    void anOverdueReferralRemindsItsLinkWorkerWithTheDueDate() {
        List<Notice> notices = RULES.forOverdue(new ReferralOverdue(REFERRAL, PERSON, "Y90001", "lw.demo", "received",
                Instant.parse("2026-05-28T12:00:00Z"), NOW));
        assertThat(notices).singleElement().satisfies(n -> {
            assertThat(n.rule()).isEqualTo(Rule.REFERRAL_OVERDUE);
            assertThat(n.recipient()).isEqualTo(Recipient.user("lw.demo"));
            assertThat(n.body()).contains("6f1c2d0e", "28 May 2026");
        });
        assertThat(RULES.forOverdue(new ReferralOverdue(REFERRAL, PERSON, "Y90001", null, "received", null, NOW))).isEmpty();
    }

    @Test
    void aRequestedActivityReferralGoesToTheProviderOrganisation() {
        Notifications n = RULES.forActivityReferral(activity("requested", null, null), EVENT);
        assertThat(n.notices()).singleElement().satisfies(notice -> {
            assertThat(notice.rule()).isEqualTo(Rule.ACTIVITY_REFERRAL_REQUESTED);
            assertThat(notice.recipient()).isEqualTo(Recipient.providersOf("org-leeds-walking"));
            assertThat(notice.kind()).isEqualTo(RecipientKind.PROVIDER);
            assertThat(notice.title()).isEqualTo("A link worker asked for a place on your activity");
        });
        assertThat(n.messages()).isEmpty();
        assertThat(RULES.forActivityReferral(activity("cancelled", null, NOW.plus(Duration.ofDays(3))), EVENT).notices())
                .extracting(Notice::rule, Notice::title)
                .containsExactly(tuple(Rule.ACTIVITY_REFERRAL_CANCELLED, "The link worker cancelled an activity referral"));
    }

    @Test
    void anAcceptedActivityReferralTellsTheLinkWorkerConfirmsTheBookingAndPlansTheReminder() {
        Instant session = Instant.parse("2026-06-09T09:30:00Z");
        Notifications n = RULES.forActivityReferral(activity("accepted", null, session), EVENT);
        assertThat(n.notices()).extracting(Notice::rule, Notice::recipient, Notice::title).containsExactly(
                tuple(Rule.PROVIDER_ANSWERED, Recipient.user("lw.demo"), "The provider accepted the activity referral"));
        assertThat(n.messages()).extracting(PersonMessage::rule).containsExactly(Rule.BOOKING_CONFIRMED, Rule.SESSION_REMINDER);
        PersonMessage booking = n.messages().get(0);
        assertThat(booking.dueAt()).isEqualTo(NOW);
        assertThat(booking.details()).containsEntry("sessionAt", session.toString());
        PersonMessage reminder = n.messages().get(1);
        assertThat(reminder.dueAt()).isEqualTo(session.minus(Duration.ofDays(1)));
        assertThat(reminder.subjectKey()).isEqualTo("ar-1");
        assertThat(reminder.dedupKey()).isEqualTo(NotificationRules.reminderKey("ar-1", session));
    }

    @Test
    void theBookingAndTheReminderNameTheActivityWhenTheEventDoes() {
        Instant session = Instant.parse("2026-06-09T09:30:00Z");
        ActivityReferralUpdated named = new ActivityReferralUpdated("ar-1", REFERRAL, PERSON, "svc-1", "physical-activity",
                "org-leeds-walking", "Y90001", "lw.demo", "accepted", null, 0, session, NOW, "Walk and talk, Hyde Park");
        assertThat(RULES.forActivityReferral(named, EVENT).messages()).extracting(PersonMessage::rule, PersonMessage::details)
                .containsExactly(
                        tuple(Rule.BOOKING_CONFIRMED,
                                java.util.Map.of("sessionAt", session.toString(), "activity", "Walk and talk, Hyde Park")),
                        tuple(Rule.SESSION_REMINDER,
                                java.util.Map.of("sessionAt", session.toString(), "activity", "Walk and talk, Hyde Park")));
        // an event written before the name was carried plans the same messages without it
        assertThat(RULES.forActivityReferral(activity("accepted", null, session), EVENT).messages())
                .allSatisfy(m -> assertThat(m.details()).containsOnlyKeys("sessionAt"));
        ActivityReferralUpdated blank = new ActivityReferralUpdated("ar-1", REFERRAL, PERSON, "svc-1", null, "org-leeds-walking",
                "Y90001", "lw.demo", "accepted", null, 0, null, NOW, " ");
        assertThat(RULES.forActivityReferral(blank, EVENT).messages()).singleElement()
                .satisfies(m -> assertThat(m.details()).isEmpty());
    }

    @Test
    void providerAndLinkWorkerNoticesNameTheActivityWhenTheEventDoes() {
        java.util.function.Function<String, String> named = status -> RULES.forActivityReferral(new ActivityReferralUpdated("ar-1",
                REFERRAL, PERSON, "svc-1", "physical-activity", "org-leeds-walking", "Y90001", "lw.demo", status,
                "rejected".equals(status) ? "no-capacity" : null, 0, null, NOW, " Walk and talk, Hyde Park "), EVENT)
                .notices().get(0).body();
        assertThat(named.apply("requested")).startsWith("A link worker would like a place on Walk and talk, Hyde Park for someone (referral ");
        assertThat(named.apply("cancelled")).contains(" for Walk and talk, Hyde Park. You do not need to keep a place.");
        assertThat(named.apply("accepted")).startsWith("The provider has a place at Walk and talk, Hyde Park for the person on referral ");
        assertThat(named.apply("rejected")).contains(" at Walk and talk, Hyde Park. Reason: no capacity.");
        // an event written before the name was carried keeps the general wording
        assertThat(RULES.forActivityReferral(activity("requested", null, null), EVENT).notices().get(0).body())
                .startsWith("A link worker would like a place on your activity for someone (referral ");
        assertThat(RULES.forActivityReferral(activity("accepted", null, null), EVENT).notices().get(0).body())
                .startsWith("The provider has a place for the person on referral ");
    }

    @Test
    void theSameSessionIsRemindedOnceHoweverOftenTheBookingIsUpdated() {
        Instant session = NOW.plus(Duration.ofDays(5));
        PersonMessage first = RULES.forActivityReferral(activity("accepted", null, session), "evt-a").messages().get(1);
        PersonMessage again = RULES.forActivityReferral(activity("in-progress", null, session), "evt-b").messages().get(0);
        assertThat(again.rule()).isEqualTo(Rule.SESSION_REMINDER);
        assertThat(again.dedupKey()).isEqualTo(first.dedupKey());
        PersonMessage moved = RULES.forActivityReferral(activity("in-progress", null, session.plus(Duration.ofDays(7))), "evt-c")
                .messages().get(0);
        assertThat(moved.dedupKey()).isNotEqualTo(first.dedupKey());
    }

    @Test
    void aSessionLessThanADayAwayIsRemindedNowAndAPastOneNotAtAll() {
        Instant soon = NOW.plus(Duration.ofHours(5));
        assertThat(RULES.reminder(activity("in-progress", null, soon))).get().extracting(PersonMessage::dueAt).isEqualTo(NOW);
        assertThat(RULES.reminder(activity("in-progress", null, NOW.minusSeconds(60)))).isEmpty();
        assertThat(RULES.reminder(activity("in-progress", null, null))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"requested", "rejected", "cancelled", "on-hold", "completed", "failed"})
    void noReminderUnlessThePersonHasAPlace(String status) {
        assertThat(RULES.reminder(activity(status, null, NOW.plus(Duration.ofDays(3))))).isEmpty();
    }

    @Test
    void aRejectionTellsTheLinkWorkerWhyAndThePersonNothing() {
        Notifications n = RULES.forActivityReferral(activity("rejected", "no-capacity", null), EVENT);
        assertThat(n.notices()).singleElement().satisfies(notice -> {
            assertThat(notice.title()).isEqualTo("The provider turned down the activity referral");
            assertThat(notice.body()).contains("Reason: no capacity.");
        });
        assertThat(n.messages()).isEmpty();
    }

    @Test
    void completionSendsTheMessageBackAndPlansTheFollowUp() {
        Instant finished = Instant.parse("2026-05-30T15:00:00Z");
        ActivityCompleted completed = new ActivityCompleted("ar-1", REFERRAL, PERSON, "svc-1", "org-leeds-walking", 6, finished);
        Notifications n = RULES.forCompletion(completed, EVENT, Optional.of("Y90001"));
        assertThat(n.notices()).singleElement().satisfies(notice -> {
            assertThat(notice.rule()).isEqualTo(Rule.ACTIVITY_COMPLETED);
            assertThat(notice.recipient()).isEqualTo(Recipient.referrersOf("Y90001"));
            assertThat(notice.body()).contains("6 sessions attended", "6f1c2d0e").startsWith("The activity provider recorded that");
        });
        assertThat(n.messages()).singleElement().satisfies(m -> {
            assertThat(m.rule()).isEqualTo(Rule.FOLLOW_UP_DUE);
            assertThat(m.dueAt()).isEqualTo(finished.plus(Duration.ofDays(42)));
            assertThat(m.referralId()).isEqualTo(REFERRAL_ID);
        });
        assertThat(RULES.forCompletion(completed, EVENT, Optional.empty()).notices()).isEmpty();
        assertThat(n.notices().get(0).body()).contains("finished their community activity (6 sessions attended)");
        assertThat(n.messages().get(0).details()).isEmpty();
    }

    @Test
    void aCompletionThatNamesThePracticeAndTheActivityNeedsNoEarlierEvent() {
        Instant finished = Instant.parse("2026-05-30T15:00:00Z");
        ActivityCompleted completed = new ActivityCompleted("ar-1", REFERRAL, PERSON, "svc-1", "org-leeds-walking", 6, finished,
                "Y90001", "Walk and talk, Hyde Park");
        Notifications n = RULES.forCompletion(completed, EVENT, Optional.empty());
        assertThat(n.notices()).singleElement().satisfies(notice -> {
            assertThat(notice.recipient()).isEqualTo(Recipient.referrersOf("Y90001"));
            assertThat(notice.body()).contains("finished their community activity \"Walk and talk, Hyde Park\" (6 sessions attended)")
                    .doesNotContain(PERSON);
        });
        assertThat(n.messages()).singleElement()
                .satisfies(m -> assertThat(m.details()).containsExactly(java.util.Map.entry("activity", "Walk and talk, Hyde Park")));
        // the event's own practice wins over an older one this service heard of
        assertThat(RULES.forCompletion(completed, EVENT, Optional.of("Y90002")).notices()).extracting(Notice::recipient)
                .containsExactly(Recipient.referrersOf("Y90001"));
        // a blank one counts as absent
        ActivityCompleted blank = new ActivityCompleted("ar-1", REFERRAL, PERSON, "svc-1", "org-leeds-walking", 6, finished, " ", null);
        assertThat(RULES.forCompletion(blank, EVENT, Optional.of("Y90002")).notices()).extracting(Notice::recipient)
                .containsExactly(Recipient.referrersOf("Y90002"));
        assertThat(RULES.forCompletion(blank, EVENT, Optional.empty()).notices()).isEmpty();
    }

    @Test
    void aDirectoryReviewAsksTheProviderToCheckTheEntry() {
        List<Notice> notices = RULES.forReviewDue(new DirectoryReviewDue("svc-1", "Tuesday walk and talk", "org-leeds-walking",
                LocalDate.parse("2025-11-03"), NOW));
        assertThat(notices).singleElement().satisfies(n -> {
            assertThat(n.recipient()).isEqualTo(Recipient.providersOf("org-leeds-walking"));
            assertThat(n.referralId()).isNull();
            assertThat(n.body()).contains("\"Tuesday walk and talk\"", "3 November 2025");
        });
        assertThat(RULES.forReviewDue(new DirectoryReviewDue("svc-1", null, "org-1", null, NOW)).get(0).body())
                .contains("one of your activities", "never been checked");
    }

    @Test
    void byDefaultTheReferrerHearsTheStepsThatMatterWithTheReasonForAnExit() {
        assertThat(RULES.forStatusChange(change("received", "assessed", null))).isEmpty();
        assertThat(RULES.forStatusChange(change("assessed", "matched", null))).isEmpty();
        assertThat(RULES.forStatusChange(change("in-activity", "completed", null))).isEmpty();
        for (String status : List.of("accepted", "contacted", "in-activity", "declined", "rejected", "unable-to-contact", "withdrawn")) {
            assertThat(RULES.forStatusChange(change("received", status, null))).as(status).hasSize(1);
        }
        assertThat(RULES.forStatusChange(change("contacted", "declined", "person-declined")).get(0).body())
                .endsWith("Reason: person declined.");
    }

    @Test
    void aChannelARecipientCannotBeReachedOnFailsTheStart() {
        assertThat(RuleConfiguration.channelsOf(Rule.REFERRAL_UPDATED, List.of("inbox", " webhook"))).containsExactlyInAnyOrder(Channel.INBOX, Channel.WEBHOOK);
        assertThat(RuleConfiguration.channelsOf(Rule.SESSION_REMINDER, List.of("none"))).isEmpty();
        assertThat(RuleConfiguration.channelsOf(Rule.SESSION_REMINDER, List.of("SMS"))).containsExactly(Channel.SMS);
        assertThatThrownBy(() -> RuleConfiguration.channelsOf(Rule.REFERRAL_ASSIGNED, List.of("webhook")))
                .hasMessageContaining("linkwork.notification.rules.referral-assigned.channels");
        assertThatThrownBy(() -> RuleConfiguration.channelsOf(Rule.BOOKING_CONFIRMED, List.of("inbox"))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> RuleConfiguration.channelsOf(Rule.BOOKING_CONFIRMED, List.of("pigeon"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void everyRuleHasACodeAnAudienceAndDefaultChannelsItsAudienceCanUse() {
        for (Rule rule : Rule.values()) {
            assertThat(Rule.ofCode(rule.code())).contains(rule);
            assertThat(rule.audience().possibleChannels()).containsAll(rule.defaultChannels());
        }
        assertThat(Rule.forOrganisations()).extracting(Rule::audience).containsOnly(Rule.Audience.REFERRER, Rule.Audience.PROVIDER);
    }

    private static ReferralStatusChanged change(String from, String to, String reason) {
        return new ReferralStatusChanged(REFERRAL, PERSON, "Y90001", null, from, to, reason, "link-worker", NOW);
    }
}
