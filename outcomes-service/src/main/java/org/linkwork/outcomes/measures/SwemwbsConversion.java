package org.linkwork.outcomes.measures;

/**
 * The SWEMWBS raw-to-metric conversion table published by Warwick Medical School (Stewart-Brown et
 * al. 2009, Rasch analysis of the Scottish Health Education Population Survey; table as distributed
 * with the scale's user guidance). Raw scores 7–35 map to metric scores 7.00–35.00.
 */
public final class SwemwbsConversion {

    /** Metric score for raw score {@code 7 + i}. */
    private static final double[] METRIC = {
            7.00, 9.51, 11.25, 12.40, 13.33, 14.08, 14.75, 15.32, 15.84, 16.36,
            16.88, 17.43, 17.98, 18.59, 19.25, 19.98, 20.73, 21.54, 22.35, 23.21,
            24.11, 25.03, 26.02, 27.03, 28.13, 29.31, 30.70, 32.55, 35.00};

    public static final int MIN_RAW = 7;
    public static final int MAX_RAW = 35;

    private SwemwbsConversion() {
    }

    public static double metric(int raw) {
        if (raw < MIN_RAW || raw > MAX_RAW) {
            throw new IllegalArgumentException("a SWEMWBS raw score is 7 to 35");
        }
        return METRIC[raw - MIN_RAW];
    }
}
