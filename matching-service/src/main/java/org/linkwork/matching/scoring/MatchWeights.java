package org.linkwork.matching.scoring;

/**
 * How much each part of the fit counts. They are relative: the score divides by their sum, so it
 * stays in [0, 1] whatever they are set to; the defaults add up to 1.
 *
 * @param needs    share for the proportion of the person's needs the service meets
 * @param distance share for closeness (1 at the person's place, 0 at their travel limit)
 * @param mode     share for offering a delivery mode the person prefers
 */
public record MatchWeights(double needs, double distance, double mode) {

    public static final MatchWeights DEFAULT = new MatchWeights(0.6, 0.3, 0.1);

    public MatchWeights {
        if (!(needs >= 0) || !(distance >= 0) || !(mode >= 0) || Double.isInfinite(needs + distance + mode)) {
            throw new IllegalArgumentException("match weights must be finite and not negative");
        }
        if (needs + distance + mode == 0) {
            throw new IllegalArgumentException("at least one match weight must be above 0");
        }
    }

    double total() {
        return needs + distance + mode;
    }
}
