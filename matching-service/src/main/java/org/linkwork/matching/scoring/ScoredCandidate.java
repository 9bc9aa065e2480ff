package org.linkwork.matching.scoring;

import java.util.List;

/**
 * A candidate that passed every hard constraint, with its score in [0, 1], the distance to its
 * nearest site (km, one decimal; null when unknown) and the reasons a link worker reads.
 */
public record ScoredCandidate(Candidate candidate, double score, Double distanceKm, List<String> reasons) {

    public ScoredCandidate {
        reasons = List.copyOf(reasons);
    }
}
