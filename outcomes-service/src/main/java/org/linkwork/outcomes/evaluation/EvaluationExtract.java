package org.linkwork.outcomes.evaluation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.linkwork.outcomes.journey.ReferralJourney;
import org.linkwork.outcomes.kpi.KpiCsv;
import org.linkwork.outcomes.measures.Instrument;

/** The per-referral evaluation extract, built from the same journeys as the KPIs. */
public final class EvaluationExtract {

    private static final List<String> EXITS = List.of("declined", "rejected", "unable-to-contact", "withdrawn");

    private EvaluationExtract() {
    }

    public static List<EvaluationRow> rows(List<ReferralJourney> journeys) {
        return journeys.stream().filter(j -> j.personRef != null)
                .sorted(Comparator.comparing((ReferralJourney j) -> j.receivedAt, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(j -> j.referralId))
                .map(EvaluationExtract::row).toList();
    }

    static EvaluationRow row(ReferralJourney j) {
        Instant firstContact = j.assessedAt;
        for (var e : j.entered.entrySet()) {
            if (List.of("contacted", "assessed", "matched", "in-activity", "completed").contains(e.getKey())
                    && (firstContact == null || e.getValue().isBefore(firstContact))) {
                firstContact = e.getValue();
            }
        }
        Instant started = j.activities.values().stream().map(a -> a.startedAt).filter(Objects::nonNull).min(Instant::compareTo)
                .orElse(j.entered.get("in-activity"));
        Instant completed = j.activities.values().stream().map(a -> a.completedAt).filter(Objects::nonNull).min(Instant::compareTo)
                .orElse(null);
        Integer sessions = j.activities.isEmpty() ? null : j.activities.values().stream().mapToInt(a -> a.sessionsAttended).sum();
        Map<String, Double> scores = new TreeMap<>();
        j.wellbeing.forEach((instrument, w) -> {
            if (w.baseline != null) {
                w.baseline.scores().forEach((score, v) -> scores.put(instrument + "." + score + ".baseline", v));
            }
            if (w.followUp != null) {
                w.followUp.scores().forEach((score, v) -> scores.put(instrument + "." + score + ".follow-up", v));
            }
        });
        return new EvaluationRow(j.personRef, j.referralId, j.source, j.practice, j.postcodeDistrict, j.ageBand, j.sex,
                j.ethnicityGroup, j.deprivationDecile, j.needs, j.status, EXITS.contains(j.status) ? j.statusReason : null,
                j.receivedAt, firstContact, j.assessedAt, j.firstProposedAt, started, completed, sessions, scores);
    }

    /** The score columns of the CSV: every score of every instrument at both timepoints, in a fixed order. */
    static List<String> scoreColumns() {
        List<String> columns = new ArrayList<>();
        for (Instrument instrument : Instrument.values()) {
            List<String> scores = switch (instrument) {
                case ONS4 -> instrument.items();
                case SWEMWBS -> List.of("raw", "metric");
                case UCLA3 -> List.of("total", "lonely");
                case GOALS -> {
                    List<String> goals = new ArrayList<>(instrument.items());
                    goals.add("mean");
                    yield goals;
                }
            };
            for (String score : scores) {
                columns.add(instrument.code() + "." + score + ".baseline");
                columns.add(instrument.code() + "." + score + ".follow-up");
            }
        }
        return columns;
    }

    public static String csv(List<EvaluationRow> rows) {
        List<String> scoreColumns = scoreColumns();
        StringBuilder csv = new StringBuilder("personRef,referralId,source,practice,postcodeDistrict,ageBand,sex,ethnicityGroup,"
                + "deprivationDecile,needs,status,exitReason,receivedAt,firstContactAt,assessedAt,firstProposedAt,activityStartedAt,"
                + "activityCompletedAt,sessionsAttended");
        scoreColumns.forEach(c -> csv.append(',').append(c));
        csv.append("\r\n");
        for (EvaluationRow r : rows) {
            List<String> cells = new ArrayList<>(List.of(text(r.personRef()), text(r.referralId()), text(r.source()), text(r.practice()),
                    text(r.postcodeDistrict()), text(r.ageBand()), text(r.sex()), text(r.ethnicityGroup()), text(r.deprivationDecile()),
                    text(r.needs()), text(r.status()), text(r.exitReason()), text(r.receivedAt()), text(r.firstContactAt()),
                    text(r.assessedAt()), text(r.firstProposedAt()), text(r.activityStartedAt()), text(r.activityCompletedAt()),
                    text(r.sessionsAttended())));
            scoreColumns.forEach(c -> cells.add(text(r.scores().get(c))));
            csv.append(String.join(",", cells)).append("\r\n");
        }
        return csv.toString();
    }

    private static String text(Object value) {
        return value == null ? "" : KpiCsv.cell(value.toString());
    }
}
