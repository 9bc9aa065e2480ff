package org.linkwork.matching.scoring;

/**
 * How much each part of the fit counts. They are relative: the score divides by their sum, so it
 * stays in [0, 1] whatever they are set to; the defaults add up to 1.
 *
 * @param needs     share for the proportion of the person's needs the activity meets
 * @param goals     share for the proportion of their goal areas it supports
 * @param distance  share for closeness (1 at the person's place, 0 at their travel limit; from home: remote closeness)
 * @param mode      share for offering a delivery mode the person prefers
 * @param schedule  share for sessions on the days and at the times that suit them
 * @param interests share for matching something they enjoy
 * @param setting   share for group or one-to-one, as they prefer
 * @param language  share for running in their language
 * @param cost      share for being free, for someone for whom cost matters
 * @param freshness share for details the provider confirmed recently
 */
public record MatchWeights(double needs, double goals, double distance, double mode, double schedule, double interests,
        double setting, double language, double cost, double freshness) {

    public static final MatchWeights DEFAULT = new MatchWeights(0.35, 0.05, 0.20, 0.05, 0.10, 0.10, 0.04, 0.04, 0.04, 0.03);

    public MatchWeights {
        double[] all = {needs, goals, distance, mode, schedule, interests, setting, language, cost, freshness};
        double sum = 0;
        for (double w : all) {
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("match weights must be finite and not negative");
            }
            sum += w;
        }
        if (sum == 0) {
            throw new IllegalArgumentException("at least one match weight must be above 0");
        }
    }

    /** Only needs, distance and mode count: the first version's score, kept for comparison. */
    public static MatchWeights needsDistanceMode(double needs, double distance, double mode) {
        return new MatchWeights(needs, 0, distance, mode, 0, 0, 0, 0, 0, 0);
    }

    double total() {
        return needs + goals + distance + mode + schedule + interests + setting + language + cost + freshness;
    }
}
