package org.linkwork.notification.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    private static ReferralStatusChanged change(String referrer, String linkWorker, String from, String to, String byRole) {
        return new ReferralStatusChanged(REFERRAL, PERSON, referrer, linkWorker, from, to, null, byRole, Instant.now());
    }

    @Test
    void aMatchTellsTheLinkWorkerHowManyAndTheReferringOrganisation() {
        List<Notice> notices = RULES.forMatch(match("Y90001", "lw.demo", 3));
        assertThat(notices).extracting(Notice::recipient)
                .containsExactly(Recipient.user("lw.demo"), Recipient.organisation("Y90001"));
        assertThat(notices).extracting(Notice::kind).containsExactly(RecipientKind.LINK_WORKER, RecipientKind.REFERRER);
        assertThat(notices.get(0).title()).isEqualTo("Activity matches are ready");
        assertThat(notices.get(0).body()).contains("3 community activities", "6f1c2d0e");
        assertThat(notices.get(1).title()).isEqualTo("Activities have been proposed for your referral");
        assertThat(notices).allSatisfy(n -> assertThat(n.referralId()).isEqualTo(UUID.fromString(REFERRAL)));
        assertThat(RULES.forMatch(match("Y90001", "lw.demo", 1)).get(0).body()).contains("1 community activity has been");
    }

    @Test
    void aMatchWithoutALinkWorkerGoesToTheReferrerOnly() {
        assertThat(RULES.forMatch(match("Y90001", null, 2))).extracting(Notice::recipient)
                .containsExactly(Recipient.organisation("Y90001"));
        assertThat(RULES.forMatch(match(null, " ", 2))).isEmpty();
    }

    @Test
    void anEmptyMatchTellsTheLinkWorkerAndPromisesTheReferrerNothing() {
        List<Notice> notices = RULES.forMatch(match("Y90001", "lw.demo", 0));
        assertThat(notices).hasSize(1);
        assertThat(notices.get(0).recipient()).isEqualTo(Recipient.user("lw.demo"));
        assertThat(notices.get(0).title()).isEqualTo("No activity matches found");
        MatchProposed noList = new MatchProposed(REFERRAL, PERSON, "Y90001", "lw.demo", null, List.of(), Instant.now());
        assertThat(RULES.forMatch(noList)).extracting(Notice::title).containsExactly("No activity matches found");
    }

    @Test
    void aStatusChangeTellsTheReferrerAndTheLinkWorkerWhenSomeoneElseMadeIt() {
        List<Notice> notices = RULES.forStatusChange(change("Y90001", "lw.demo", "assessed", "matched", "system"));
        assertThat(notices).extracting(Notice::recipient)
                .containsExactly(Recipient.organisation("Y90001"), Recipient.user("lw.demo"));
        assertThat(notices.get(0).title()).isEqualTo("Your referral is now in progress: activities have been suggested");
        assertThat(notices.get(0).body()).contains("6f1c2d0e", "discussed", "suggested");
        assertThat(notices.get(1).title()).isEqualTo("A referral on your caseload is now in progress: activities have been suggested");
        assertThat(notices.get(1).body()).isEqualTo("Referral 6f1c2d0e was updated by Linkwork.");
        assertThat(RULES.forStatusChange(change("Y90001", "lw.demo", "in-activity", "completed", "provider")).get(1).body())
                .contains("the activity provider");
    }

    @Test
    void aLinkWorkersOwnChangeIsNotEchoedBackToThem() {
        assertThat(RULES.forStatusChange(change("Y90001", "lw.demo", "received", "accepted", "link-worker")))
                .extracting(Notice::recipient).containsExactly(Recipient.organisation("Y90001"));
    }

    @Test
    void aStatusChangeWithoutAReferrerOrganisationGoesToTheLinkWorkerOnly() {
        assertThat(RULES.forStatusChange(change(null, "lw.demo", null, "received", "referrer")))
                .extracting(Notice::recipient, Notice::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Recipient.user("lw.demo"), RecipientKind.LINK_WORKER));
        assertThat(RULES.forStatusChange(change("Y90001", null, null, "received", "referrer")).get(0).body())
                .isEqualTo("Referral 6f1c2d0e is now received.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"received", "accepted", "contacted", "assessed", "matched", "in-activity", "completed", "closed",
            "declined", "rejected", "unable-to-contact", "withdrawn"})
    void everyStatusHasPlainWords(String status) {
        String words = NotificationRules.statusWords(status);
        assertThat(words).doesNotContain("-").isNotBlank();
        String title = RULES.forStatusChange(change("Y90001", null, null, status, "system")).get(0).title();
        assertThat(title).isEqualTo("Your referral is now " + words);
    }

    @Test
    void aStatusTheRulesDoNotKnowYetStillReads() {
        assertThat(NotificationRules.statusWords("on-hold")).isEqualTo("on hold");
    }

    @Test
    void noticesNameTheReferralByItsShortReferenceAndNothingAboutThePerson() {
        List<Notice> all = new java.util.ArrayList<>(RULES.forMatch(match("Y90001", "lw.demo", 2)));
        all.addAll(RULES.forStatusChange(change("Y90001", "lw.demo", "contacted", "declined", "system")));
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
