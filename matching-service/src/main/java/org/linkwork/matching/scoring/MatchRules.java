package org.linkwork.matching.scoring;

/**
 * The thresholds of the matching rules, besides the weights.
 *
 * @param defaultMaxTravelKm reach and limit when the person did not say how far they can travel
 * @param remoteCloseness    the closeness share (0–1) of taking part from home: no journey, but not local either
 * @param publicTransportKm  a venue further than this is named as a long journey for someone on public transport
 * @param staleAfterMonths   details the provider has not confirmed for longer count against the activity
 */
public record MatchRules(double defaultMaxTravelKm, double remoteCloseness, double publicTransportKm, int staleAfterMonths) {

    public static final MatchRules DEFAULT = new MatchRules(20, 0.5, 8, 12);

    public MatchRules {
        if (!(defaultMaxTravelKm >= 0) || !(remoteCloseness >= 0 && remoteCloseness <= 1) || !(publicTransportKm >= 0)
                || staleAfterMonths < 1) {
            throw new IllegalArgumentException("match rules out of range");
        }
    }
}
