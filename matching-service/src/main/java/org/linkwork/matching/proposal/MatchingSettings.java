package org.linkwork.matching.proposal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** {@code linkwork.matching.*}: how many activities a proposal holds and how the score is weighed. */
@ConfigMapping(prefix = "linkwork.matching")
public interface MatchingSettings {

    /** How many ranked activities one proposal holds at most. */
    @WithDefault("5")
    @Min(1)
    @Max(50)
    int maxProposals();

    Weight weight();

    /** Relative shares of the score (see {@link org.linkwork.matching.scoring.MatchWeights}). */
    interface Weight {

        @WithDefault("0.6")
        @DecimalMin("0")
        double needs();

        @WithDefault("0.3")
        @DecimalMin("0")
        double distance();

        @WithDefault("0.1")
        @DecimalMin("0")
        double mode();
    }
}
