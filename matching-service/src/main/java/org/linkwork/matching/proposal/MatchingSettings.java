package org.linkwork.matching.proposal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.linkwork.matching.scoring.MatchRules;
import org.linkwork.matching.scoring.MatchWeights;

/** {@code linkwork.matching.*}: how many activities a proposal holds, how the score is weighed, the rules' thresholds. */
@ConfigMapping(prefix = "linkwork.matching")
public interface MatchingSettings {

    /** How many ranked activities one proposal holds at most. */
    @WithDefault("5")
    @Min(1)
    @Max(50)
    int maxProposals();

    /**
     * How many recently read proposals this instance keeps in memory for GET; 0 reads the database
     * every time. A proposal is dropped when this instance changes it, so with more than one
     * instance writing set it to 0.
     */
    @WithDefault("10000")
    @Min(0)
    int readCacheSize();

    /** How many near-misses (ruled out by a hard constraint) a proposal lists at most. */
    @WithDefault("5")
    @Min(0)
    @Max(50)
    int maxExcluded();

    /** Reach and limit when the person did not say how far they can travel, in km. */
    @WithDefault("20")
    @DecimalMin("0")
    double defaultMaxTravelKm();

    /** The closeness share (0–1) of taking part from home. */
    @WithDefault("0.5")
    @DecimalMin("0")
    @DecimalMax("1")
    double remoteCloseness();

    /** A venue further than this (km) is named as a long journey for someone on public transport. */
    @WithDefault("8")
    @DecimalMin("0")
    double publicTransportKm();

    /** Details the provider has not confirmed for longer than this (months) count against an activity. */
    @WithDefault("12")
    @Min(1)
    int staleAfterMonths();

    /** The time zone "today" is taken in, for freshness. */
    @WithDefault("Europe/London")
    String timeZone();

    Weight weight();

    default MatchWeights weights() {
        Weight w = weight();
        return new MatchWeights(w.needs(), w.goals(), w.distance(), w.mode(), w.schedule(), w.interests(), w.setting(), w.language(),
                w.cost(), w.freshness());
    }

    default MatchRules rules() {
        return new MatchRules(defaultMaxTravelKm(), remoteCloseness(), publicTransportKm(), staleAfterMonths());
    }

    /** Relative shares of the score (see {@link MatchWeights}); the defaults add up to 1. */
    interface Weight {

        @WithDefault("0.35")
        @DecimalMin("0")
        double needs();

        @WithDefault("0.05")
        @DecimalMin("0")
        double goals();

        @WithDefault("0.20")
        @DecimalMin("0")
        double distance();

        @WithDefault("0.05")
        @DecimalMin("0")
        double mode();

        @WithDefault("0.10")
        @DecimalMin("0")
        double schedule();

        @WithDefault("0.10")
        @DecimalMin("0")
        double interests();

        @WithDefault("0.04")
        @DecimalMin("0")
        double setting();

        @WithDefault("0.04")
        @DecimalMin("0")
        double language();

        @WithDefault("0.04")
        @DecimalMin("0")
        double cost();

        @WithDefault("0.03")
        @DecimalMin("0")
        double freshness();
    }
}
