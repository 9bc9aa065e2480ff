package org.linkwork.matching.scoring;

import java.util.List;

/**
 * The outcome of matching one person against the directory.
 *
 * @param proposals the activities that passed every hard constraint, best first
 * @param excluded  near-misses: activities a hard constraint ruled out that would otherwise have been proposed, best first
 */
public record Ranking(List<Proposal> proposals, List<Exclusion> excluded) {

    /**
     * @param score          in [0, 1], three decimals
     * @param distanceKm     to the nearest site, one decimal; null when either place is unknown
     * @param reasons        what speaks for it
     * @param reasonsAgainst what speaks against it
     */
    public record Proposal(Activity activity, double score, Double distanceKm, List<String> reasons, List<String> reasonsAgainst) {
    }

    /** @param reasons why it was ruled out, one per hard constraint it fails */
    public record Exclusion(Activity activity, double score, Double distanceKm, List<String> reasons) {
    }
}
