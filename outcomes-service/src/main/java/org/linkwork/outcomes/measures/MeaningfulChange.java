package org.linkwork.outcomes.measures;

import java.util.List;

/**
 * When a person's change between baseline and follow-up counts as meaningful, per instrument and
 * score. The thresholds and their sources are in the module README ("Meaningful change").
 */
public final class MeaningfulChange {

    /** SWEMWBS metric points: 2.77 standard errors of measurement (Shah et al. 2018, HQLO 16:239). */
    public static final double SWEMWBS_METRIC = 2.87;

    /** Goal ratings: the reliable change index of goal-based outcomes (Edbrooke-Childs et al. 2015). */
    public static final double GOAL_RATING = 2.45;

    private MeaningfulChange() {
    }

    /** The score each instrument's KPI counts improvement on (ONS4 items are each their own measure). */
    public static List<String> headlineScores(Instrument instrument) {
        return switch (instrument) {
            case ONS4 -> instrument.items();
            case SWEMWBS -> List.of("metric");
            case UCLA3 -> List.of("total");
            case GOALS -> List.of("mean");
        };
    }

    /** The verdict for one score, or null when the score has no rule (e.g. SWEMWBS raw). */
    public static Verdict of(Instrument instrument, String score, double baseline, double followUp) {
        return switch (instrument) {
            case ONS4 -> byBand(Ons4Bands.band(score, baseline), Ons4Bands.band(score, followUp));
            case SWEMWBS -> "metric".equals(score) ? byThreshold(followUp - baseline, SWEMWBS_METRIC) : null;
            // lower is better: moving out of "lonely" improves, moving into it worsens
            case UCLA3 -> "total".equals(score) ? byBand(lonely(followUp), lonely(baseline)) : null;
            case GOALS -> byThreshold(followUp - baseline, GOAL_RATING);
        };
    }

    private static int lonely(double total) {
        return total >= Instrument.LONELY_FROM ? 1 : 0;
    }

    private static Verdict byThreshold(double change, double threshold) {
        // scores are sums of whole answers or table values: compare with a little tolerance for float sums
        if (change >= threshold - 1e-9) {
            return Verdict.IMPROVED;
        }
        if (change <= -threshold + 1e-9) {
            return Verdict.WORSENED;
        }
        return Verdict.NO_MEANINGFUL_CHANGE;
    }

    /** Bands ordered from worse (low) to better (high). */
    private static Verdict byBand(int before, int after) {
        return after > before ? Verdict.IMPROVED : after < before ? Verdict.WORSENED : Verdict.NO_MEANINGFUL_CHANGE;
    }
}
