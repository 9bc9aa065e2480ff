package org.linkwork.notification.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.linkwork.events.ActivityCompleted;
import org.linkwork.events.ActivityReferralUpdated;
import org.linkwork.events.DirectoryReviewDue;
import org.linkwork.events.MatchProposed;
import org.linkwork.events.ReferralAssigned;
import org.linkwork.events.ReferralStatusChanged;
import org.linkwork.events.Vocabulary;

/**
 * Nobody is told about what they did themself, every notice says whose action it reports, moves
 * between teams tell both link workers, and organisation notices go to a role within the organisation.
 */
class WhoActedRulesTest {

    private static final Instant NOW = Instant.parse("2026-06-01T09:00:00Z");
    private static final String REFERRAL = "6f1c2d0e-8a57-4a0f-9d3e-1c2b3a4d5e6f";
    private static final String PERSON = "p-0f8fad5b";
    private static final String EVENT = "evt-1";
    private static final NotificationRules RULES = new NotificationRules(RuleSettings.defaults(), Clock.fixed(NOW, ZoneOffset.UTC));

    private static ReferralStatusChanged change(String from, String to, String role, String by) {
        return new ReferralStatusChanged(REFERRAL, PERSON, "Y90001", "lw.demo", from, to, null, role, NOW, "leeds-north", by);
    }

    private static ReferralAssigned assigned(String linkWorker, String previous, String role, String by) {
        return new ReferralAssigned(REFERRAL, PERSON, "Y90001", linkWorker, "Sam Jones", previous, role, NOW, "leeds-north",
                previous == null ? null : "leeds-north", by, null);
    }

    private static ReferralAssigned moved(String linkWorker, String previous, String role, String by, String reason) {
        return new ReferralAssigned(REFERRAL, PERSON, "Y90001", linkWorker, "Alex Green", previous, role, NOW, "leeds-south",
                "leeds-north", by, reason);
    }

    private static MatchProposed match(int proposals, String requestedBy) {
        return new MatchProposed(REFERRAL, PERSON, "Y90001", "lw.demo", IntStream.rangeClosed(1, proposals)
                .mapToObj(rank -> new MatchProposed.Proposal(rank, "svc-" + rank, "Walk", "org-1", 0.9, 1.0, List.of("near"), List.of()))
                .toList(), List.of(), NOW, "leeds-north", requestedBy);
    }

    private static ActivityReferralUpdated activity(String status, String reason, int sessions, String name) {
        return new ActivityReferralUpdated("ar-1", REFERRAL, PERSON, "svc-1", "physical-activity", "org-leeds-walking", "Y90001",
                "lw.demo", status, reason, sessions, null, NOW, name);
    }

    // --- status changes ---

    @Test
    void aLinkWorkerIsNotToldOfTheirOwnStatusChangesNorOfThePlatforms() {
        for (String to : List.of("accepted", "contacted", "assessed", "closed", "declined", "unable-to-contact")) {
            assertThat(RULES.forStatusChange(change("received", to, "link-worker", "lw.demo")))
                    .as(to).extracting(Notice::rule).doesNotContain(Rule.CASELOAD_REFERRAL_UPDATED);
        }
        for (String to : List.of("matched", "in-activity", "completed")) {
            assertThat(RULES.forStatusChange(change("assessed", to, "system", null)))
                    .as(to).extracting(Notice::rule).doesNotContain(Rule.CASELOAD_REFERRAL_UPDATED);
        }
    }

    @Test
    void aLinkWorkerHearsOfEveryOtherPersonsChangeNamedByTheirRole() {
        assertThat(List.of(change("contacted", "closed", "link-worker", "lw.colleague"), change("contacted", "withdrawn", "referrer", "gp.demo"),
                change("contacted", "rejected", "admin", "admin.demo"), change("matched", "in-activity", "provider", "provider.demo"))
                .stream().map(c -> RULES.forStatusChange(c).stream().filter(n -> n.rule() == Rule.CASELOAD_REFERRAL_UPDATED)
                        .findFirst().orElseThrow()))
                .allSatisfy(n -> assertThat(n.recipient()).isEqualTo(Recipient.user("lw.demo")))
                .extracting(Notice::title).containsExactly(
                        "A colleague in your team closed referral 6f1c2d0e",
                        "The referrer withdrew referral 6f1c2d0e",
                        "An administrator closed referral 6f1c2d0e: not suitable for social prescribing",
                        "The activity provider recorded that the person on referral 6f1c2d0e started an activity");
    }

    @Test
    void theReferrersAreNotToldOfAnyReferrersChangeAndAreToldWhoMadeTheOthers() {
        assertThat(RULES.forStatusChange(change("contacted", "withdrawn", "referrer", "gp.demo")))
                .extracting(Notice::rule).containsExactly(Rule.CASELOAD_REFERRAL_UPDATED);
        assertThat(RULES.forStatusChange(change("contacted", "withdrawn", "referrer", "gp.colleague")))
                .extracting(Notice::rule).doesNotContain(Rule.REFERRAL_UPDATED);
        assertThat(RULES.forStatusChange(change("received", "accepted", "link-worker", "lw.demo")).get(0).title())
                .isEqualTo("The link worker accepted referral 6f1c2d0e");
        assertThat(RULES.forStatusChange(change("contacted", "declined", "admin", "admin.demo")).get(0).title())
                .isEqualTo("An administrator closed referral 6f1c2d0e: the person declined");
        assertThat(RULES.forStatusChange(change("matched", "in-activity", "system", null)).get(0).title())
                .isEqualTo("Linkwork recorded that the person on referral 6f1c2d0e started an activity");
    }

    @Test
    void aReferralFollowingItsActivityReferralIsThePlatformsMoveWhoeverSetItOff() {
        for (String[] c : new String[][] {{"matched", "in-activity", "activity-started", "started an activity"},
                {"in-activity", "completed", "activity-completed", "finished their activity"}}) {
            ReferralStatusChanged followed = new ReferralStatusChanged(REFERRAL, PERSON, "Y90001", "lw.demo", c[0], c[1], c[2], "provider",
                    NOW, "leeds-north", "provider.demo");
            RuleSettings everything = new RuleSettings(java.util.Set.of("in-activity", "completed"), java.time.Duration.ofDays(1),
                    java.time.Duration.ofDays(42));
            assertThat(new NotificationRules(everything, Clock.fixed(NOW, ZoneOffset.UTC)).forStatusChange(followed))
                    .extracting(Notice::recipient, Notice::title).containsExactly(tuple(Recipient.referrersOf("Y90001"),
                            "Linkwork recorded that the person on referral 6f1c2d0e " + c[3]));
        }
        ReferralStatusChanged endedEarly = new ReferralStatusChanged(REFERRAL, PERSON, "Y90001", "lw.demo", "in-activity", "matched",
                "activity-ended", "provider", NOW, "leeds-north", "provider.demo");
        assertThat(RULES.forStatusChange(endedEarly)).isEmpty();
    }

    // --- matches ---

    @Test
    void aLinkWorkerWhoSavedARerunIsNotToldMatchesAreReadyAndTheReferrersHearTheLinkWorkerDidIt() {
        assertThat(RULES.forMatch(match(2, "lw.demo"))).extracting(Notice::recipient, Notice::title).containsExactly(
                tuple(Recipient.referrersOf("Y90001"), "The link worker proposed 2 community activities for referral 6f1c2d0e"));
        assertThat(RULES.forMatch(match(0, "lw.demo"))).isEmpty();
        assertThat(RULES.forMatch(match(2, "lw.colleague"))).extracting(Notice::title).containsExactly(
                "A colleague in your team proposed 2 community activities for referral 6f1c2d0e",
                "The link worker proposed 2 community activities for referral 6f1c2d0e");
        assertThat(RULES.forMatch(match(2, null))).extracting(Notice::title).containsOnly(
                "Linkwork proposed 2 community activities for referral 6f1c2d0e");
    }

    // --- assignment within a team ---

    @Test
    void anAutomaticAssignmentTellsTheLinkWorkerLinkworkGaveItToThem() {
        Notifications n = RULES.forAssignment(assigned("lw.demo", null, "system", null), EVENT);
        assertThat(n.notices()).extracting(Notice::rule, Notice::recipient, Notice::title)
                .containsExactly(tuple(Rule.REFERRAL_ASSIGNED, Recipient.user("lw.demo"), "Linkwork gave you referral 6f1c2d0e"));
        assertThat(n.messages()).extracting(PersonMessage::rule).containsExactly(Rule.LINK_WORKER_INTRODUCED);
    }

    @Test
    void aLinkWorkerWhoTakesAReferralThemselfIsNotToldAndThePreviousOneIsUnlessTheyGaveItAway() {
        // taken from nobody: no notice at all, but the person meets them
        Notifications taken = RULES.forAssignment(assigned("lw.demo", null, "link-worker", "lw.demo"), EVENT);
        assertThat(taken.notices()).isEmpty();
        assertThat(taken.messages()).extracting(PersonMessage::rule).containsExactly(Rule.LINK_WORKER_INTRODUCED);
        // taken over from a colleague
        assertThat(RULES.forAssignment(assigned("lw.demo", "lw.previous", "link-worker", "lw.demo"), EVENT).notices())
                .extracting(Notice::rule, Notice::recipient, Notice::title).containsExactly(
                        tuple(Rule.REFERRAL_LEFT_CASELOAD, Recipient.user("lw.previous"), "A colleague in your team took over referral 6f1c2d0e"));
        // given away by the previous link worker: only the new one hears, and who gave it
        assertThat(RULES.forAssignment(assigned("lw.demo", "lw.previous", "link-worker", "lw.previous"), EVENT).notices())
                .extracting(Notice::rule, Notice::recipient, Notice::title).containsExactly(
                        tuple(Rule.REFERRAL_ASSIGNED, Recipient.user("lw.demo"), "A colleague in your team gave you referral 6f1c2d0e"));
    }

    @Test
    void aReassignmentByAnAdministratorTellsBothLinkWorkersWhoDidIt() {
        List<Notice> notices = RULES.forAssignment(assigned("lw.demo", "lw.previous", "admin", "admin.demo"), EVENT).notices();
        assertThat(notices).extracting(Notice::rule, Notice::recipient, Notice::title).containsExactly(
                tuple(Rule.REFERRAL_ASSIGNED, Recipient.user("lw.demo"), "An administrator gave you referral 6f1c2d0e"),
                tuple(Rule.REFERRAL_LEFT_CASELOAD, Recipient.user("lw.previous"),
                        "An administrator gave referral 6f1c2d0e to another link worker in your team"));
        assertThat(notices.get(0).body()).isEqualTo("An administrator gave you referral 6f1c2d0e, which another link worker in your "
                + "team had before. Please contact the person soon.");
        assertThat(notices.get(1).body()).endsWith("It is no longer on your caseload.");
        assertThat(notices).allSatisfy(n -> assertThat(n.title() + n.body()).doesNotContain("Sam", "admin.demo", "lw.previous", PERSON));
    }

    @Test
    void anAssignmentWrittenBeforeItNamedWhoActedIsToldAsBefore() {
        // the new link worker hears; the previous one, who may have done it, does not
        ReferralAssigned old = new ReferralAssigned(REFERRAL, PERSON, "Y90001", "lw.demo", "Sam Jones", "lw.previous", "link-worker", NOW);
        assertThat(RULES.forAssignment(old, EVENT).notices()).extracting(Notice::recipient, Notice::title)
                .containsExactly(tuple(Recipient.user("lw.demo"), "A link worker gave you referral 6f1c2d0e"));
    }

    // --- moves between teams ---

    @Test
    void aMoveTellsTheNewLinkWorkerItCameToTheirTeamAndWhyAndThePreviousOneItLeft() {
        Notifications n = RULES.forAssignment(moved("lw2.demo", "lw.demo", "link-worker", "lw.demo", "wrong-practice"), EVENT);
        // the previous link worker moved it themself: only the new one hears
        assertThat(n.notices()).singleElement().satisfies(notice -> {
            assertThat(notice.rule()).isEqualTo(Rule.REFERRAL_MOVED_TO_TEAM);
            assertThat(notice.recipient()).isEqualTo(Recipient.user("lw2.demo"));
            assertThat(notice.title()).isEqualTo("A link worker in another team moved referral 6f1c2d0e to your team");
            assertThat(notice.body()).isEqualTo("A link worker in another team moved referral 6f1c2d0e to your team, and it is now on "
                    + "your caseload. Reason: it was sent to the wrong team for its practice. Please contact the person soon.");
        });
        assertThat(n.messages()).extracting(PersonMessage::rule).containsExactly(Rule.LINK_WORKER_INTRODUCED);

        List<Notice> byAdmin = RULES.forAssignment(moved("lw2.demo", "lw.demo", "admin", "admin.demo", "person-moved"), EVENT).notices();
        assertThat(byAdmin).extracting(Notice::rule, Notice::recipient, Notice::title).containsExactly(
                tuple(Rule.REFERRAL_MOVED_TO_TEAM, Recipient.user("lw2.demo"), "An administrator moved referral 6f1c2d0e to your team"),
                tuple(Rule.REFERRAL_LEFT_CASELOAD, Recipient.user("lw.demo"), "An administrator moved referral 6f1c2d0e to another team"));
        assertThat(byAdmin.get(1).body()).isEqualTo("An administrator moved referral 6f1c2d0e to another team. It is no longer on your "
                + "caseload. Reason: the person has moved.");

        List<Notice> byColleague = RULES.forAssignment(moved("lw2.demo", "lw.demo", "link-worker", "lw.lead", "team-capacity"), EVENT)
                .notices();
        assertThat(byColleague).extracting(Notice::title).containsExactly(
                "A link worker in another team moved referral 6f1c2d0e to your team",
                "A colleague in your team moved referral 6f1c2d0e to another team");
    }

    @Test
    void aLinkWorkerWhoMovesAReferralToTheirOtherTeamIsNotToldOfIt() {
        assertThat(RULES.forAssignment(moved("lw2.demo", "lw.demo", "link-worker", "lw2.demo", "specialist-team"), EVENT).notices())
                .extracting(Notice::rule, Notice::recipient, Notice::title).containsExactly(tuple(Rule.REFERRAL_LEFT_CASELOAD,
                        Recipient.user("lw.demo"), "A colleague in your team moved referral 6f1c2d0e to another team and took it over"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"wrong-practice", "wrong-area", "person-moved", "specialist-team", "team-capacity", "other"})
    void everyMoveReasonHasPlainWords(String code) {
        assertThat(Vocabulary.TEAM_MOVE_REASONS).contains(code);
        String words = NotificationRules.moveReasonWords(code);
        assertThat(words).doesNotContain("-").isNotEqualTo(code.replace('-', ' '));
        assertThat(RULES.forAssignment(moved("lw2.demo", "lw.demo", "admin", "admin.demo", code), EVENT).notices())
                .allSatisfy(n -> assertThat(n.body()).contains("Reason: " + words + "."));
        assertThat(Vocabulary.TEAM_MOVE_REASONS).hasSize(6);
    }

    // --- the provider's part ---

    @Test
    void theLinkWorkerHearsWhenTheProviderRecordsTheActivityAsCompletedOrFailed() {
        assertThat(RULES.forActivityReferral(activity("completed", null, 6, "Walk and talk, Hyde Park"), EVENT).notices())
                .singleElement().satisfies(n -> {
                    assertThat(n.rule()).isEqualTo(Rule.ACTIVITY_REFERRAL_ENDED);
                    assertThat(n.recipient()).isEqualTo(Recipient.user("lw.demo"));
                    assertThat(n.title()).isEqualTo("The provider recorded the activity as completed");
                    assertThat(n.body()).isEqualTo("The provider recorded that the person on referral 6f1c2d0e finished Walk and talk, "
                            + "Hyde Park (6 sessions attended). You may want to follow up on how it went.");
                });
        assertThat(RULES.forActivityReferral(activity("failed", "stopped-attending", 1, null), EVENT).notices())
                .singleElement().satisfies(n -> {
                    assertThat(n.rule()).isEqualTo(Rule.ACTIVITY_REFERRAL_ENDED);
                    assertThat(n.title()).isEqualTo("The provider recorded the activity as not completed");
                    assertThat(n.body()).isEqualTo("The provider recorded that the person on referral 6f1c2d0e did not complete their "
                            + "activity (1 session attended). Reason: stopped attending. You may want to follow up and choose another "
                            + "activity with them.");
                });
        // the provider's own progress tells nobody
        assertThat(RULES.forActivityReferral(activity("in-progress", null, 1, null), EVENT).notices()).isEmpty();
        assertThat(RULES.forActivityReferral(activity("on-hold", null, 1, null), EVENT).notices()).isEmpty();
    }

    @Test
    void aCancellationSaysWhetherTheLinkWorkerOrTheReferralsClosingCancelledIt() {
        assertThat(RULES.forActivityReferral(activity("cancelled", null, 0, null), EVENT).notices()).extracting(Notice::title)
                .containsExactly("The link worker cancelled an activity referral");
        assertThat(RULES.forActivityReferral(activity("cancelled", "referral-withdrawn", 0, "Walk"), EVENT).notices()).singleElement()
                .satisfies(n -> {
                    assertThat(n.title()).isEqualTo("Linkwork cancelled an activity referral");
                    assertThat(n.body()).isEqualTo("Referral 6f1c2d0e was closed, so Linkwork cancelled its activity referral for Walk. "
                            + "Reason: referral withdrawn. You do not need to keep a place.");
                });
    }

    // --- role addressing ---

    @Test
    void everyOrganisationNoticeIsAddressedToTheRoleItsRuleSpeaksTo() {
        List<Notice> all = new ArrayList<>();
        all.addAll(RULES.forMatch(match(2, null)));
        all.addAll(RULES.forStatusChange(change("received", "accepted", "link-worker", "lw.demo")));
        for (String status : List.of("requested", "cancelled", "accepted", "rejected", "completed", "failed")) {
            all.addAll(RULES.forActivityReferral(activity(status, null, 1, null), EVENT).notices());
        }
        all.addAll(RULES.forCompletion(new ActivityCompleted("ar-1", REFERRAL, PERSON, "svc-1", "org-leeds-walking", 2, NOW, "Y90001",
                null), EVENT, Optional.empty()).notices());
        all.addAll(RULES.forReviewDue(new DirectoryReviewDue("svc-1", "Walk", "org-leeds-walking", LocalDate.parse("2025-01-01"), NOW)));
        assertThat(all).filteredOn(n -> n.recipient().type() == Recipient.Type.ORGANISATION)
                .allSatisfy(n -> assertThat(n.recipient().role()).isEqualTo(n.kind().code()))
                .extracting(n -> n.recipient().role())
                .containsExactly("referrer", "referrer", "provider", "provider", "referrer", "provider");
        assertThat(all).filteredOn(n -> n.rule() == Rule.DIRECTORY_REVIEW_DUE).extracting(Notice::recipient)
                .containsExactly(Recipient.providersOf("org-leeds-walking"));
        assertThat(all).filteredOn(n -> n.recipient().type() == Recipient.Type.USER).allSatisfy(n -> {
            assertThat(n.recipient().role()).isNull();
            assertThat(n.kind()).isEqualTo(RecipientKind.LINK_WORKER);
        });
    }

    @Test
    void anOrganisationNoticeCannotGoToTheWrongRoleOrToNoRole() {
        assertThatThrownBy(() -> new Recipient(Recipient.Type.ORGANISATION, "Y90001", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Recipient(Recipient.Type.ORGANISATION, "Y90001", "link-worker"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Recipient(Recipient.Type.USER, "lw.demo", "referrer")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Notice(Rule.REFERRAL_UPDATED, Recipient.providersOf("Y90001"), null, "t", "b"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("referral-updated is for referrers");
        assertThat(Recipient.referrersOf("Y90001")).isNotEqualTo(Recipient.providersOf("Y90001"));
    }
}
