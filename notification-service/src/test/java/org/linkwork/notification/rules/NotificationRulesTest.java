package org.linkwork.notification.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.linkwork.events.EventJson.MalformedEventException;
import org.linkwork.events.MatchProposed;
import org.linkwork.events.ReferralStatusChanged;

/** The rules alone: who is told what, in plain words, with nothing about the person. */
class NotificationRulesTest {

    private static final String REFERRAL = "6f1c2d0e-8a57-4a0f-9d3e-1c2b3a4d5e6f";
    private static final String PERSON = "p-0f8fad5b-d9cb-469f-a165-70867728950e";
    /** Rules that tell the referrer of every status, so each status's words can be checked. */
    private static final NotificationRules RULES = new NotificationRules(new RuleSettings(
            java.util.Set.of("received", "accepted", "contacted", "assessed", "matched", "in-activity", "completed", "closed",
                    "declined", "rejected", "unable-to-contact", "withdrawn"),
            java.time.Duration.ofDays(1), java.time.Duration.ofDays(42)), java.time.Clock.systemUTC());

    private static MatchProposed match(String referrer, String linkWorker, int proposals) {
        return new MatchProposed(REFERRAL, PERSON, referrer, linkWorker, IntStream.rangeClosed(1, proposals)
                .mapToObj(rank -> new MatchProposed.Proposal(rank, "svc-" + rank, "Walk and talk", "org-1", 0.9, 1.0, List.of("near"), List.of()))
                .toList(), List.of(), Instant.now());
    }

    /** As events written before they named who acted. */
    private static ReferralStatusChanged change(String referrer, String linkWorker, String from, String to, String byRole) {
        return new ReferralStatusChanged(REFERRAL, PERSON, referrer, linkWorker, from, to, null, byRole, Instant.now());
    }

    private static ReferralStatusChanged change(String referrer, String linkWorker, String from, String to, String byRole, String by) {
        return new ReferralStatusChanged(REFERRAL, PERSON, referrer, linkWorker, from, to, null, byRole, Instant.now(), "leeds-north", by);
    }

    @Test
    void aMatchTellsTheLinkWorkerHowManyAndThePracticesReferrers() {
        List<Notice> notices = RULES.forMatch(match("Y90001", "lw.demo", 3));
        assertThat(notices).extracting(Notice::recipient)
                .containsExactly(Recipient.user("lw.demo"), Recipient.referrersOf("Y90001"));
        assertThat(notices).extracting(Notice::kind).containsExactly(RecipientKind.LINK_WORKER, RecipientKind.REFERRER);
        assertThat(notices.get(0).title()).isEqualTo("Linkwork proposed 3 community activities for referral 6f1c2d0e");
        assertThat(notices.get(0).body()).isEqualTo("Linkwork proposed 3 community activities for referral 6f1c2d0e. Review them and choose with the person.");
        assertThat(notices.get(1).title()).isEqualTo("Linkwork proposed 3 community activities for referral 6f1c2d0e");
        assertThat(notices.get(1).body()).endsWith("The link worker will choose with the person.");
        assertThat(notices).allSatisfy(n -> assertThat(n.referralId()).isEqualTo(UUID.fromString(REFERRAL)));
        assertThat(RULES.forMatch(match("Y90001", "lw.demo", 1)).get(0).title()).contains("1 community activity for");
    }

    @Test
    void aMatchWithoutALinkWorkerGoesToTheReferrersOnly() {
        assertThat(RULES.forMatch(match("Y90001", null, 2))).extracting(Notice::recipient)
                .containsExactly(Recipient.referrersOf("Y90001"));
        assertThat(RULES.forMatch(match(null, " ", 2))).isEmpty();
    }

    @Test
    void anEmptyMatchTellsTheLinkWorkerAndPromisesTheReferrersNothing() {
        List<Notice> notices = RULES.forMatch(match("Y90001", "lw.demo", 0));
        assertThat(notices).hasSize(1);
        assertThat(notices.get(0).recipient()).isEqualTo(Recipient.user("lw.demo"));
        assertThat(notices.get(0).title()).isEqualTo("Linkwork found no activity matches for referral 6f1c2d0e");
        MatchProposed noList = new MatchProposed(REFERRAL, PERSON, "Y90001", "lw.demo", null, List.of(), Instant.now());
        assertThat(RULES.forMatch(noList)).extracting(Notice::title).containsExactly("Linkwork found no activity matches for referral 6f1c2d0e");
    }

    @Test
    void aStatusChangeTellsTheReferrersWhoMadeItAndTheLinkWorkerWhenAnotherPersonDid() {
        List<Notice> notices = RULES.forStatusChange(change("Y90001", "lw.demo", "received", "accepted", "admin", "admin.demo"));
        assertThat(notices).extracting(Notice::recipient)
                .containsExactly(Recipient.referrersOf("Y90001"), Recipient.user("lw.demo"));
        assertThat(notices.get(0).title()).isEqualTo("An administrator accepted referral 6f1c2d0e");
        assertThat(notices.get(0).body()).isEqualTo("An administrator accepted referral 6f1c2d0e. It has moved from received to "
                + "accepted by the social prescribing team.");
        assertThat(notices.get(1).title()).isEqualTo("An administrator accepted referral 6f1c2d0e");
        assertThat(notices.get(1).body()).startsWith("An administrator accepted referral 6f1c2d0e, which is on your caseload.");
    }

    @Test
    void thePlatformsOwnStatusChangesTellTheReferrersOnly() {
        // matched, in activity, completed by Linkwork echo what other rules tell the link worker
        List<Notice> notices = RULES.forStatusChange(change("Y90001", "lw.demo", "matched", "in-activity", "system", null));
        assertThat(notices).extracting(Notice::recipient, Notice::title).containsExactly(
                tuple(Recipient.referrersOf("Y90001"), "Linkwork recorded that the person on referral 6f1c2d0e started an activity"));
        assertThat(RULES.forStatusChange(change("Y90001", "lw.demo", "assessed", "matched", "system", null)))
                .extracting(Notice::title).containsExactly("Linkwork matched activities to referral 6f1c2d0e");
        assertThat(RULES.forStatusChange(change(null, "lw.demo", "in-activity", "completed", "system", null))).isEmpty();
    }

    @Test
    void aLinkWorkersOwnChangeIsNotEchoedBackToThemAndAColleaguesIs() {
        assertThat(RULES.forStatusChange(change("Y90001", "lw.demo", "received", "accepted", "link-worker", "lw.demo")))
                .extracting(Notice::recipient, Notice::title)
                .containsExactly(tuple(Recipient.referrersOf("Y90001"), "The link worker accepted referral 6f1c2d0e"));
        assertThat(RULES.forStatusChange(change("Y90001", "lw.demo", "accepted", "contacted", "link-worker", "lw.colleague")))
                .extracting(Notice::recipient, Notice::title).containsExactly(
                        tuple(Recipient.referrersOf("Y90001"), "The link worker made first contact with the person on referral 6f1c2d0e"),
                        tuple(Recipient.user("lw.demo"), "A colleague in your team made first contact with the person on referral 6f1c2d0e"));
    }

    @Test
    void theReferrersAreNotToldOfWhatAReferrerDidAndTheLinkWorkerIs() {
        ReferralStatusChanged withdrawn = new ReferralStatusChanged(REFERRAL, PERSON, "Y90001", "lw.demo", "contacted", "withdrawn",
                "no-longer-needed", "referrer", Instant.now(), "leeds-north", "gp.demo");
        assertThat(RULES.forStatusChange(withdrawn)).singleElement().satisfies(n -> {
            assertThat(n.recipient()).isEqualTo(Recipient.user("lw.demo"));
            assertThat(n.title()).isEqualTo("The referrer withdrew referral 6f1c2d0e");
            assertThat(n.body()).isEqualTo("The referrer withdrew referral 6f1c2d0e, which is on your caseload. It has moved from "
                    + "in progress: the person has been contacted to withdrawn. Reason: no longer needed.");
        });
        // a partner GP system acts as a referrer, by its client id
        assertThat(RULES.forStatusChange(change("Y90001", null, "received", "withdrawn", "referrer", "partner-ehr-demo"))).isEmpty();
    }

    @Test
    void eventsWrittenBeforeTheyNamedWhoActedAreToldAsBefore() {
        // no changedBy and a person's role: the referrers always, the link worker unless a link worker made it
        assertThat(RULES.forStatusChange(change("Y90001", "lw.demo", "received", "accepted", "link-worker")))
                .extracting(Notice::recipient, Notice::title)
                .containsExactly(tuple(Recipient.referrersOf("Y90001"), "The link worker accepted referral 6f1c2d0e"));
        assertThat(RULES.forStatusChange(change("Y90001", "lw.demo", "contacted", "withdrawn", "referrer")))
                .extracting(Notice::recipient, Notice::title).containsExactly(
                        tuple(Recipient.referrersOf("Y90001"), "A referrer at your practice withdrew referral 6f1c2d0e"),
                        tuple(Recipient.user("lw.demo"), "The referrer withdrew referral 6f1c2d0e"));
        assertThat(RULES.forStatusChange(change("Y90001", "lw.demo", "contacted", "closed", "admin")))
                .extracting(Notice::title).containsExactly("An administrator closed referral 6f1c2d0e", "An administrator closed referral 6f1c2d0e");
    }

    @Test
    void aStatusChangeWithoutAReferrerOrganisationGoesToTheLinkWorkerOnly() {
        assertThat(RULES.forStatusChange(change(null, "lw.demo", null, "received", "referrer")))
                .extracting(Notice::recipient, Notice::kind)
                .containsExactly(tuple(Recipient.user("lw.demo"), RecipientKind.LINK_WORKER));
        assertThat(RULES.forStatusChange(change("Y90001", null, null, "received", "system")).get(0).body())
                .isEqualTo("Linkwork received referral 6f1c2d0e. It is now received.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"received", "accepted", "contacted", "assessed", "matched", "in-activity", "completed", "closed",
            "declined", "rejected", "unable-to-contact", "withdrawn"})
    void everyStatusHasPlainWordsNamingWhoMadeTheChange(String status) {
        String words = NotificationRules.statusWords(status);
        assertThat(words).doesNotContain("-").isNotBlank();
        String done = NotificationRules.statusDone(status, "referral 6f1c2d0e");
        assertThat(done).doesNotContain("-").contains("referral 6f1c2d0e");
        Notice notice = RULES.forStatusChange(change("Y90001", null, null, status, "link-worker", "lw.demo")).get(0);
        assertThat(notice.title()).isEqualTo("The link worker " + done);
        assertThat(notice.body()).endsWith("It is now " + words + ".");
    }

    @Test
    void aStatusTheRulesDoNotKnowYetStillReads() {
        assertThat(NotificationRules.statusWords("on-hold")).isEqualTo("on hold");
        assertThat(NotificationRules.statusDone("on-hold", "referral 6f1c2d0e")).isEqualTo("moved referral 6f1c2d0e to on hold");
    }

    @Test
    void noticesNameTheReferralByItsShortReferenceAndNothingAboutThePerson() {
        List<Notice> all = new java.util.ArrayList<>(RULES.forMatch(match("Y90001", "lw.demo", 2)));
        all.addAll(RULES.forStatusChange(change("Y90001", "lw.demo", "contacted", "declined", "admin", "admin.demo")));
        assertThat(all).allSatisfy(n -> {
            assertThat(n.title() + n.body()).doesNotContain(PERSON, REFERRAL, "0f8fad5b");
            assertThat(n.title().length()).isLessThanOrEqualTo(200);
            assertThat(n.body().length()).isLessThanOrEqualTo(1000);
        });
    }

    @Test
    void anEventWithoutAUsableReferralIdIsRefused() {
        MatchProposed noId = new MatchProposed(null, PERSON, "Y90001", "lw.demo", Collections.emptyList(), List.of(), Instant.now());
        assertThatThrownBy(() -> RULES.forMatch(noId)).isInstanceOf(MalformedEventException.class);
        ReferralStatusChanged badId = new ReferralStatusChanged("not-a-uuid", PERSON, "Y90001", null, null, "received", null,
                "referrer", Instant.now());
        assertThatThrownBy(() -> RULES.forStatusChange(badId)).isInstanceOf(MalformedEventException.class);
        ReferralStatusChanged noStatus = new ReferralStatusChanged(REFERRAL, PERSON, "Y90001", null, null, null, null,
                "referrer", Instant.now());
        assertThatThrownBy(() -> RULES.forStatusChange(noStatus)).isInstanceOf(MalformedEventException.class);
    }
}
