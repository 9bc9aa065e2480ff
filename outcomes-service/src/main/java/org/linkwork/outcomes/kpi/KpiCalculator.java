package org.linkwork.outcomes.kpi;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.linkwork.events.ReferralStatus;
import org.linkwork.events.Vocabulary;
import org.linkwork.outcomes.journey.ReferralJourney;
import org.linkwork.outcomes.journey.ReferralJourney.Activity;
import org.linkwork.outcomes.measures.Instrument;
import org.linkwork.outcomes.measures.MeaningfulChange;
import org.linkwork.outcomes.measures.Verdict;

/**
 * Computes the KPI tables from the journeys a filter selected, with small numbers suppressed. A pure
 * function of its input, so the same journeys always give the same tables.
 */
public final class KpiCalculator {

    /** The funnel's stages, each reached by every referral that got at least this far. */
    public static final List<String> STAGES = List.of("received", "contacted", "assessed", "matched", "in-activity", "completed");
    public static final List<String> EXITS = List.of("declined", "rejected", "unable-to-contact", "withdrawn");
    static final String NOT_RECORDED = "not-recorded";

    private final KpiFilter filter;
    private final ZoneId zone;
    private final int threshold;

    public KpiCalculator(KpiFilter filter, ZoneId zone, int threshold) {
        this.filter = filter;
        this.zone = zone;
        this.threshold = threshold;
    }

    public KpiReport report(Collection<ReferralJourney> journeys, Instant now) {
        List<ReferralJourney> known = journeys.stream().filter(j -> j.status != null).toList();
        List<ReferralJourney> received = journeys.stream().filter(j -> j.receivedAt != null).toList();
        List<KpiTable> tables = new ArrayList<>();

        LinkedHashMap<String, Long> byStatus = new LinkedHashMap<>();
        for (ReferralStatus s : ReferralStatus.values()) {
            byStatus.put(s.code(), known.stream().filter(j -> s.code().equals(j.status)).count());
        }
        KpiTable statusTable = counts("referralsByStatus", "Referrals by current status", byStatus, known.size());
        tables.add(statusTable);
        tables.add(countBy("referralsByTeam", "Referrals by the link-worker team they are with now", known, j -> j.teamId, null));

        tables.add(countBy("receivedBySource", "Referrals received by source", received, j -> j.source, null));
        tables.add(countBy("receivedByPractice", "Referrals received by practice", received, j -> j.practice, null));
        tables.add(countBy("receivedByMonth", "Referrals received by month", received,
                j -> YearMonth.from(j.receivedAt.atZone(zone)).toString(), null));
        tables.add(countBy("receivedByArea", "Referrals received by postcode district", received, j -> j.postcodeDistrict, null));
        equity(tables, "received", "Referrals received", received);

        tables.add(funnel(known));
        exits(tables, known);
        tables.add(times("timeToFirstContact", "Days from receipt to first contact",
                received.stream().map(j -> days(j.receivedAt, contactedAt(j)))));
        tables.add(times("timeToActivityStart", "Days from receipt to the start of an activity",
                received.stream().map(j -> days(j.receivedAt, activityStartedAt(j)))));
        LinkedHashMap<String, Long> overdue = new LinkedHashMap<>();
        overdue.put("overdue", received.stream().filter(j -> j.overdueAt != null).count());
        overdue.put("not-overdue", received.stream().filter(j -> j.overdueAt == null).count());
        tables.add(counts("firstContactOverdue", "Referrals that passed the first-contact service level without contact",
                overdue, received.size()));
        activities(tables, known, received);
        matching(tables, known);
        for (Instrument instrument : Instrument.values()) {
            for (String score : MeaningfulChange.headlineScores(instrument)) {
                tables.add(wellbeing(known, instrument, score));
            }
        }

        Map<String, Long> referralsByStatus = new LinkedHashMap<>();
        statusTable.rows().forEach(r -> referralsByStatus.put(r.key(), r.value() == null ? null : r.value().longValue()));
        Long total = statusTable.total() == null ? null : statusTable.total().longValue();
        return new KpiReport(referralsByStatus, total, now, threshold, filter, tables);
    }

    // ---- referral-level tables

    private void equity(List<KpiTable> tables, String measure, String title, List<ReferralJourney> people) {
        String prefix = measure + "By";
        tables.add(countBy(prefix + "AgeBand", title + " by age band", people, j -> j.ageBand, null));
        tables.add(countBy(prefix + "Sex", title + " by sex", people, j -> j.sex, Vocabulary.SEXES));
        tables.add(countBy(prefix + "EthnicityGroup", title + " by ethnicity group", people, j -> j.ethnicityGroup,
                Vocabulary.ETHNICITY_GROUPS));
        tables.add(countBy(prefix + "DeprivationDecile", title + " by deprivation decile (1 most deprived)", people,
                j -> j.deprivationDecile == null ? null : j.deprivationDecile.toString(),
                List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10")));
    }

    private KpiTable funnel(List<ReferralJourney> known) {
        LinkedHashMap<String, Long> reached = new LinkedHashMap<>();
        for (int stage = 0; stage < STAGES.size(); stage++) {
            int s = stage;
            reached.put(STAGES.get(stage), known.stream().filter(j -> furthestStage(j) >= s).count());
        }
        Set<String> hidden = SmallNumbers.funnel(reached, threshold);
        List<KpiTable.Row> rows = reached.entrySet().stream()
                .map(e -> row(e.getKey(), e.getValue(), hidden.contains(e.getKey()))).toList();
        boolean totalHidden = hidden.contains(STAGES.get(0));
        return new KpiTable("funnel", "Referrals that reached each stage", KpiTable.FUNNEL, "referrals", rows,
                totalHidden ? null : (Number) (long) known.size(), totalHidden);
    }

    private void exits(List<KpiTable> tables, List<ReferralJourney> known) {
        List<ReferralJourney> exited = known.stream().filter(j -> EXITS.contains(j.status)).toList();
        tables.add(countBy("exitsByStatus", "Referrals that left the pathway, by how", exited, j -> j.status, EXITS));
        tables.add(countBy("exitsByReason", "Referrals that left the pathway, by coded reason", exited, j -> j.statusReason, null));
        tables.add(countBy("exitsByStage", "Referrals that left the pathway, by the furthest stage reached", exited,
                j -> STAGES.get(Math.max(0, furthestStage(j))), STAGES));
    }

    // ---- activities

    private void activities(List<KpiTable> tables, List<ReferralJourney> known, List<ReferralJourney> received) {
        List<Activity> activities = known.stream().flatMap(j -> relevant(j).stream()).toList();
        LinkedHashMap<String, Long> byStatus = new LinkedHashMap<>();
        for (String status : List.of("requested", "accepted", "rejected", "in-progress", "on-hold", "completed", "cancelled", "failed")) {
            byStatus.put(status, activities.stream().filter(a -> status.equals(a.status)).count());
        }
        tables.add(counts("activityReferralsByStatus", "Activity referrals by current status", byStatus,
                activities.stream().filter(a -> a.status != null).count()));
        List<Activity> started = activities.stream().filter(a -> a.startedAt != null).toList();
        long completed = started.stream().filter(a -> a.completedAt != null).count();
        long droppedOut = started.stream().filter(a -> a.completedAt == null
                && ("cancelled".equals(a.status) || "failed".equals(a.status))).count();
        List<KpiTable.Row> rows = new ArrayList<>();
        rows.add(countRow("started", started.size()));
        rows.add(countRow("completed", completed));
        rows.add(countRow("dropped-out", droppedOut));
        rows.add(rate("completion-rate", completed, started.size()));
        rows.add(rate("drop-out-rate", droppedOut, started.size()));
        tables.add(new KpiTable("activityOutcomes", "Activities started, completed and dropped out of (rates in %)",
                KpiTable.STATISTICS, "activity referrals", rows, null, false));
        tables.add(countBy("activityStartsByProvider", "Activities started, by provider", started, a -> a.providerOrganizationId, null));
        tables.add(countBy("activityStartsByType", "Activities started, by activity type", started, a -> a.activityType, null));
        equity(tables, "startedActivity", "People who started an activity",
                received.stream().filter(j -> relevant(j).stream().anyMatch(a -> a.startedAt != null)).toList());
        equity(tables, "completedActivity", "People who completed an activity",
                received.stream().filter(j -> relevant(j).stream().anyMatch(a -> a.completedAt != null)).toList());
    }

    /** The referral's activity referrals, narrowed to the provider and activity type filtered on. */
    private List<Activity> relevant(ReferralJourney j) {
        Predicate<Activity> wanted = a -> (filter.provider() == null || filter.provider().equals(a.providerOrganizationId))
                && (filter.activityType() == null || filter.activityType().equals(a.activityType));
        return j.activities.values().stream().filter(wanted).toList();
    }

    // ---- matching

    private void matching(List<KpiTable> tables, List<ReferralJourney> known) {
        List<ReferralJourney.Decision> decisions = known.stream().flatMap(j -> j.decisions.values().stream()).toList();
        long chosen = decisions.stream().filter(d -> "chosen".equals(d.decision())).count();
        long notSuitable = decisions.size() - chosen;
        LinkedHashMap<String, Long> cells = new LinkedHashMap<>();
        cells.put("chosen", chosen);
        cells.put("not-suitable", notSuitable);
        tables.add(counts("matchDecisions", "Link workers' decisions on proposed activities", cells, decisions.size()));
        tables.add(new KpiTable("matchAcceptance", "Proposed activities chosen (%)", KpiTable.STATISTICS, "%",
                List.of(rate("acceptance-rate", chosen, decisions.size())), null, false));
        tables.add(countBy("notSuitableByReason", "Proposed activities judged not suitable, by reason",
                decisions.stream().filter(d -> "not-suitable".equals(d.decision())).toList(), ReferralJourney.Decision::reasonCode, null));
    }

    // ---- wellbeing

    private KpiTable wellbeing(List<ReferralJourney> known, Instrument instrument, String score) {
        List<double[]> pairs = new ArrayList<>();
        for (ReferralJourney j : known) {
            ReferralJourney.Wellbeing w = j.wellbeing.get(instrument.code());
            if (w != null && w.baseline != null && w.followUp != null
                    && w.baseline.scores().containsKey(score) && w.followUp.scores().containsKey(score)) {
                pairs.add(new double[] {w.baseline.scores().get(score), w.followUp.scores().get(score)});
            }
        }
        int n = pairs.size();
        boolean hidden = SmallNumbers.small(n, threshold);
        LinkedHashMap<String, Long> verdicts = new LinkedHashMap<>();
        for (Verdict v : Verdict.values()) {
            verdicts.put(v.code(), pairs.stream().filter(p -> MeaningfulChange.of(instrument, score, p[0], p[1]) == v).count());
        }
        SmallNumbers.Suppression suppression = SmallNumbers.additive(verdicts, n, threshold);
        List<KpiTable.Row> rows = new ArrayList<>();
        rows.add(countRow("people", n));
        rows.add(mean("mean-baseline", pairs.stream().mapToDouble(p -> p[0]), n, hidden));
        rows.add(mean("mean-follow-up", pairs.stream().mapToDouble(p -> p[1]), n, hidden));
        rows.add(mean("mean-change", pairs.stream().mapToDouble(p -> p[1] - p[0]), n, hidden));
        verdicts.forEach((k, v) -> rows.add(row(k, v, suppression.cells().contains(k) || suppression.total())));
        return new KpiTable("wellbeing." + instrument.code() + "." + score,
                "Wellbeing change, " + instrument.code() + " " + score + " (baseline to follow-up)",
                KpiTable.STATISTICS, "score", rows, null, false);
    }

    // ---- building blocks

    private <T> KpiTable countBy(String name, String title, List<T> items, Function<T, String> key, List<String> order) {
        Map<String, Long> counted = new TreeMap<>();
        items.forEach(item -> counted.merge(Objects.requireNonNullElse(key.apply(item), NOT_RECORDED), 1L, Long::sum));
        LinkedHashMap<String, Long> cells = new LinkedHashMap<>();
        if (order != null) {
            order.forEach(k -> cells.put(k, counted.getOrDefault(k, 0L)));
        }
        counted.forEach(cells::putIfAbsent);
        return counts(name, title, cells, items.size());
    }

    private KpiTable counts(String name, String title, LinkedHashMap<String, Long> cells, long total) {
        SmallNumbers.Suppression s = SmallNumbers.additive(cells, total, threshold);
        List<KpiTable.Row> rows = cells.entrySet().stream().map(e -> row(e.getKey(), e.getValue(), s.cells().contains(e.getKey()))).toList();
        return new KpiTable(name, title, KpiTable.COUNTS, "referrals", rows, s.total() ? null : (Number) total, s.total());
    }

    private KpiTable times(String name, String title, Stream<Double> values) {
        List<Double> sorted = values.filter(Objects::nonNull).sorted().toList();
        int n = sorted.size();
        boolean hidden = SmallNumbers.small(n, threshold);
        List<KpiTable.Row> rows = List.of(countRow("people", n),
                new KpiTable.Row("median", hidden || n == 0 ? null : percentile(sorted, 0.5), hidden),
                new KpiTable.Row("p90", hidden || n == 0 ? null : percentile(sorted, 0.9), hidden));
        return new KpiTable(name, title, KpiTable.STATISTICS, "days", rows, null, false);
    }

    /** Nearest-rank percentile: the smallest value with at least p of the values at or below it. */
    static double percentile(List<Double> sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private KpiTable.Row countRow(String key, long n) {
        return row(key, n, SmallNumbers.small(n, threshold));
    }

    private static KpiTable.Row row(String key, long n, boolean hidden) {
        return new KpiTable.Row(key, hidden ? null : (Number) n, hidden);
    }

    private KpiTable.Row rate(String key, long numerator, long denominator) {
        boolean hidden = SmallNumbers.rateHidden(numerator, denominator, threshold);
        Double value = denominator == 0 || hidden ? null : Math.round(1000.0 * numerator / denominator) / 10.0;
        return new KpiTable.Row(key, value, hidden);
    }

    private static KpiTable.Row mean(String key, java.util.stream.DoubleStream values, int n, boolean hidden) {
        Double value = n == 0 || hidden ? null : Math.round(values.average().orElseThrow() * 100) / 100.0;
        return new KpiTable.Row(key, value, hidden);
    }

    private static Double days(Instant from, Instant to) {
        if (from == null || to == null) {
            return null;
        }
        // an event time before receipt (clock skew between systems) counts as no wait at all
        return Math.max(0, Math.round(Duration.between(from, to).toMinutes() / 144.0) / 10.0);
    }

    // ---- what a journey says

    /** Index into {@link #STAGES} of the furthest stage the referral reached; -1 when nothing is known. */
    static int furthestStage(ReferralJourney j) {
        int furthest = j.status == null ? -1 : 0;
        for (String status : j.entered.keySet()) {
            furthest = Math.max(furthest, stageOf(status));
        }
        if (j.assessedAt != null) {
            furthest = Math.max(furthest, 2);
        }
        for (Activity a : j.activities.values()) {
            if (a.startedAt != null) {
                furthest = Math.max(furthest, 4);
            }
            if (a.completedAt != null) {
                furthest = Math.max(furthest, 5);
            }
        }
        return furthest;
    }

    private static int stageOf(String status) {
        return switch (status) {
            case "received", "accepted" -> 0;
            case "contacted" -> 1;
            case "assessed" -> 2;
            case "matched" -> 3;
            case "in-activity" -> 4;
            case "completed" -> 5;
            default -> -1; // closed and the exits say nothing about how far the referral got
        };
    }

    /** First contact: the first time the referral reached "contacted" or any stage beyond it. */
    static Instant contactedAt(ReferralJourney j) {
        Instant first = j.assessedAt;
        for (var e : j.entered.entrySet()) {
            if (stageOf(e.getKey()) >= 1 && (first == null || e.getValue().isBefore(first))) {
                first = e.getValue();
            }
        }
        return first;
    }

    private Instant activityStartedAt(ReferralJourney j) {
        Instant first = filter.provider() == null && filter.activityType() == null ? j.entered.get("in-activity") : null;
        for (Activity a : relevant(j)) {
            if (a.startedAt != null && (first == null || a.startedAt.isBefore(first))) {
                first = a.startedAt;
            }
        }
        return first;
    }

}
