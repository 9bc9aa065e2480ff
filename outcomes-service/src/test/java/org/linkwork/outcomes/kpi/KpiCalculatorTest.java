package org.linkwork.outcomes.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linkwork.outcomes.journey.JourneyEvents.DAY;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.linkwork.events.LinkworkEvent;
import org.linkwork.outcomes.journey.JourneyEvents;
import org.linkwork.outcomes.journey.JourneyFold;
import org.linkwork.outcomes.journey.ReferralJourney;

/** KPI tables computed from journeys folded from event sequences. */
class KpiCalculatorTest {

    private static final Instant T0 = Instant.parse("2025-05-31T23:30:00Z"); // 00:30 on 1 June in London
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private static ReferralJourney journey(List<LinkworkEvent> events) {
        ReferralJourney j = new ReferralJourney();
        events.forEach(e -> JourneyFold.apply(j, e));
        return j;
    }

    /** Ten referrals all the way through (contact after 1..10 days), two that left, one still new. */
    private static List<ReferralJourney> cohort() {
        List<ReferralJourney> journeys = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            // SWEMWBS 19.25 at baseline; follow-up 24.11 (+4.86, improved) for 6, 20.73 (+1.48, no meaningful change) for 4
            journeys.add(journey(JourneyEvents.fullJourney(UUID.randomUUID().toString(), "Y90001", T0, DAY.multipliedBy(i),
                    DAY.multipliedBy(10 + i), i <= 6 ? 24.11 : 20.73)));
        }
        String declined = UUID.randomUUID().toString();
        journeys.add(journey(List.of(JourneyEvents.created(declined, "Y90002", T0, "18-24", "male", "black", 1),
                JourneyEvents.status(declined, "Y90002", "received", "contacted", null, T0.plus(DAY.multipliedBy(3))),
                JourneyEvents.status(declined, "Y90002", "contacted", "declined", "not-interested", T0.plus(DAY.multipliedBy(4))))));
        String unreachable = UUID.randomUUID().toString();
        journeys.add(journey(List.of(JourneyEvents.created(unreachable, "Y90002", T0, "18-24", "male", null, null),
                new org.linkwork.events.ReferralOverdue(unreachable, JourneyEvents.personRef(unreachable), "Y90002", "lw.demo", "received",
                        T0.plus(DAY.multipliedBy(5)), T0.plus(DAY.multipliedBy(5))),
                JourneyEvents.status(unreachable, "Y90002", "received", "unable-to-contact", "no-answer", T0.plus(DAY.multipliedBy(14))))));
        journeys.add(journey(List.of(JourneyEvents.created(UUID.randomUUID().toString(), "Y90002", T0, "75+", "female", "white", 10))));
        return journeys;
    }

    private static KpiReport report(List<ReferralJourney> journeys, int threshold) {
        return new KpiCalculator(KpiFilter.NONE, LONDON, threshold).report(journeys, Instant.now());
    }

    @Test
    void theFunnelCountsEveryReferralThatReachedEachStageAndTheExitsSayWhy() {
        KpiReport r = report(cohort(), 1);
        assertThat(r.total()).isEqualTo(13);
        assertThat(r.referralsByStatus()).containsEntry("closed", 10L).containsEntry("declined", 1L)
                .containsEntry("unable-to-contact", 1L).containsEntry("received", 1L);
        KpiTable funnel = r.table("funnel");
        assertThat(funnel.rows()).extracting(KpiTable.Row::key).containsExactlyElementsOf(KpiCalculator.STAGES);
        assertThat(funnel.rows()).extracting(row -> row.value().longValue()).containsExactly(13L, 11L, 10L, 10L, 10L, 10L);
        assertThat(r.table("exitsByStatus").value("declined")).isEqualTo(1L);
        assertThat(r.table("exitsByReason").value("no-answer")).isEqualTo(1L);
        assertThat(r.table("exitsByReason").value("not-interested")).isEqualTo(1L);
        assertThat(r.table("exitsByStage").value("contacted")).isEqualTo(1L);
        assertThat(r.table("exitsByStage").value("received")).isEqualTo(1L);
        assertThat(r.table("firstContactOverdue").value("overdue")).isEqualTo(1L);
        assertThat(r.table("firstContactOverdue").value("not-overdue")).isEqualTo(12L);
    }

    @Test
    void receiptIsCountedBySourcePracticeMonthAreaAndTheEquityBands() {
        KpiReport r = report(cohort(), 1);
        assertThat(r.table("receivedBySource").value("fhir")).isEqualTo(13L);
        assertThat(r.table("receivedByPractice").value("Y90001")).isEqualTo(10L);
        // 23:30 UTC on 31 May is June in London
        assertThat(r.table("receivedByMonth").value("2025-06")).isEqualTo(13L);
        assertThat(r.table("receivedByArea").value("LS6")).isEqualTo(13L);
        assertThat(r.table("receivedByAgeBand").value("65-74")).isEqualTo(10L);
        assertThat(r.table("receivedBySex").rows()).extracting(KpiTable.Row::key).startsWith("female", "male", "other", "not-stated");
        assertThat(r.table("receivedByEthnicityGroup").value("not-recorded")).isEqualTo(1L);
        assertThat(r.table("receivedByDeprivationDecile").value("2")).isEqualTo(10L);
        assertThat(r.table("startedActivityByEthnicityGroup").value("asian")).isEqualTo(10L);
        assertThat(r.table("startedActivityByEthnicityGroup").value("black")).isEqualTo(0L);
        assertThat(r.table("completedActivityBySex").value("female")).isEqualTo(10L);
    }

    @Test
    void referralsAreCountedByTheTeamTheyAreWithNowAndSmallTeamsAreHidden() {
        List<ReferralJourney> journeys = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            journeys.add(journey(JourneyEvents.fullJourney(UUID.randomUUID().toString(), "Y90001", T0, DAY.multipliedBy(i),
                    DAY.multipliedBy(10 + i), 24.11, "leeds-north", null)));
        }
        for (int i = 1; i <= 2; i++) {
            journeys.add(journey(JourneyEvents.fullJourney(UUID.randomUUID().toString(), "Y90001", T0, DAY.multipliedBy(i),
                    DAY.multipliedBy(10 + i), 24.11, "leeds-north", "leeds-south")));
        }
        journeys.add(journey(List.of(JourneyEvents.created(UUID.randomUUID().toString(), "Y90002", T0, null, null, null, null))));
        KpiTable byTeam = report(journeys, 1).table("referralsByTeam");
        assertThat(byTeam.kind()).isEqualTo(KpiTable.COUNTS);
        assertThat(byTeam.value("leeds-north")).isEqualTo(8L);
        assertThat(byTeam.value("leeds-south")).isEqualTo(2L);
        // a referral no event has named a team for
        assertThat(byTeam.value("not-recorded")).isEqualTo(1L);
        assertThat(byTeam.total()).isEqualTo(11L);
        // with the default threshold, 2 and 1 are hidden, and the total does not give them back (8 + hidden = 11)
        KpiTable hidden = report(journeys, 7).table("referralsByTeam");
        assertThat(hidden.value("leeds-south")).isNull();
        assertThat(hidden.value("not-recorded")).isNull();
        assertThat(hidden.rows().stream().filter(KpiTable.Row::suppressed).count()).isGreaterThanOrEqualTo(2);
        assertThat(hidden.value("leeds-north") == null || hidden.total() == null).as("8 shown beside a shown total of 11 would give 3 back")
                .isTrue();
    }

    @Test
    void timesAreMediansAndNinetiethPercentilesInDays() {
        KpiReport r = report(cohort(), 1);
        KpiTable contact = r.table("timeToFirstContact");
        // 1..10 days for the ten, 3 for the one who declined; the one who could not be reached was never contacted
        assertThat(contact.value("people")).isEqualTo(11L);
        assertThat(contact.value("median")).isEqualTo(5.0);
        assertThat(contact.value("p90")).isEqualTo(9.0);
        KpiTable start = r.table("timeToActivityStart");
        assertThat(start.value("people")).isEqualTo(10L);
        assertThat(start.value("median")).isEqualTo(15.0);
        assertThat(start.value("p90")).isEqualTo(19.0);
    }

    @Test
    void activityCompletionMatchAcceptanceAndWellbeingChange() {
        KpiReport r = report(cohort(), 1);
        KpiTable activities = r.table("activityOutcomes");
        assertThat(activities.value("started")).isEqualTo(10L);
        assertThat(activities.value("completed")).isEqualTo(10L);
        assertThat(activities.value("completion-rate")).isEqualTo(100.0);
        assertThat(activities.value("drop-out-rate")).isEqualTo(0.0);
        assertThat(r.table("activityStartsByProvider").value("org-leeds-walking")).isEqualTo(10L);
        assertThat(r.table("matchDecisions").value("chosen")).isEqualTo(10L);
        assertThat(r.table("matchAcceptance").value("acceptance-rate")).isEqualTo(50.0);
        assertThat(r.table("notSuitableByReason").value("too-far")).isEqualTo(10L);
        KpiTable swemwbs = r.table("wellbeing.swemwbs.metric");
        assertThat(swemwbs.value("people")).isEqualTo(10L);
        assertThat(swemwbs.value("mean-baseline")).isEqualTo(19.25);
        assertThat(swemwbs.value("mean-follow-up")).isEqualTo(22.76);  // (6 x 24.11 + 4 x 20.73) / 10
        assertThat(swemwbs.value("mean-change")).isEqualTo(3.51);
        assertThat(swemwbs.value("improved")).isEqualTo(6L);
        assertThat(swemwbs.value("no-meaningful-change")).isEqualTo(4L);
        assertThat(swemwbs.value("worsened")).isEqualTo(0L);
        assertThat(r.table("wellbeing.ucla3.total").value("people")).isEqualTo(0L);
    }

    @Test
    void aProviderFilterNarrowsTheActivityFigures() {
        List<ReferralJourney> journeys = cohort();
        String other = UUID.randomUUID().toString();
        journeys.add(journey(List.of(JourneyEvents.created(other, "Y90001", T0, null, null, null, null),
                JourneyEvents.activity(other, "ar-x", "org-arts", "in-progress", 1, T0.plus(DAY)),
                JourneyEvents.activity(other, "ar-x", "org-arts", "cancelled", 1, T0.plus(DAY.multipliedBy(5))))));
        KpiReport all = report(journeys, 1);
        assertThat(all.table("activityOutcomes").value("dropped-out")).isEqualTo(1L);
        assertThat(all.table("activityOutcomes").value("drop-out-rate")).isEqualTo(9.1);
        KpiReport arts = new KpiCalculator(KpiFilter.NONE.withProvider("org-arts"), LONDON, 1).report(journeys, Instant.now());
        assertThat(arts.table("activityOutcomes").value("started")).isEqualTo(1L);
        assertThat(arts.table("activityOutcomes").value("completed")).isEqualTo(0L);
    }

    @Test
    void withTheDefaultThresholdSmallCellsStatisticsAndMeansAreHidden() {
        KpiReport r = report(cohort(), 7);
        assertThat(r.suppressionThreshold()).isEqualTo(7);
        // one each in received, declined, unable-to-contact: hidden, with a partner so the total of 13 does not give them back
        assertThat(r.referralsByStatus().get("declined")).isNull();
        assertThat(r.referralsByStatus().get("received")).isNull();
        assertThat(r.referralsByStatus().get("closed")).isNull();
        assertThat(r.referralsByStatus().get("completed")).isZero();
        assertThat(r.total()).isEqualTo(13L);
        KpiTable status = r.table("referralsByStatus");
        assertThat(status.rows().stream().filter(KpiTable.Row::suppressed).count()).isEqualTo(4);
        // 13 received (known from the status table's total anyway), 11 contacted, 10 beyond: every later stage would
        // tell that 2 or 3 people stopped early, so the stages after "received" are all hidden
        assertThat(r.table("funnel").value("received")).isEqualTo(13L);
        assertThat(r.table("funnel").rows().stream().skip(1)).allMatch(KpiTable.Row::suppressed);
        // with the two who left taken out, nothing in the funnel is small
        KpiReport through = report(cohort().subList(0, 10), 7);
        assertThat(through.table("funnel").rows()).extracting(row -> row.value().longValue()).containsOnly(10L);
        // ten people with both SWEMWBS scores: means shown, but 6 improved and 4 not: the 4 and a partner hidden
        KpiTable swemwbs = r.table("wellbeing.swemwbs.metric");
        assertThat(swemwbs.value("mean-change")).isEqualTo(3.51);
        assertThat(swemwbs.value("no-meaningful-change")).isNull();
        assertThat(swemwbs.value("improved")).isNull();
        assertThat(swemwbs.value("worsened")).isEqualTo(0L);
        // fewer than seven: the whole wellbeing of a small group is hidden
        KpiReport small = report(cohort().subList(0, 5), 7);
        assertThat(small.table("wellbeing.swemwbs.metric").value("mean-change")).isNull();
        assertThat(small.table("timeToFirstContact").value("median")).isNull();
        assertThat(small.total()).isNull();
    }
}
