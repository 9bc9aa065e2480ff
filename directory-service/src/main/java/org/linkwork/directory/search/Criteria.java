package org.linkwork.directory.search;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import org.linkwork.directory.geocoding.Located;

/**
 * What a search asks for; every part is optional. Used by the open ORUK feed and by link workers'
 * search alike, so they filter the same way.
 *
 * @param termIds services tagged with any of these terms (needs an activity implies count)
 * @param within metres from {@code near}; null to sort by distance without a limit
 * @param remoteOk services reached online or by telephone match whatever the distance
 * @param opensAt with {@code day}: running at that time; ORUK's start/end window is {@code windowStart}/{@code windowEnd}
 * @param forAge eligible at this age; {@code agesFrom}/{@code agesTo} overlap a range of ages instead
 * @param features every one of these accessibility features
 * @param deliveryModes any of these
 */
public record Criteria(
        String text,
        List<String> termIds,
        String taxonomyId,
        String organizationId,
        Instant modifiedAfter,
        Located near,
        Integer within,
        boolean remoteOk,
        String day,
        LocalTime opensAt,
        LocalTime windowStart,
        LocalTime windowEnd,
        boolean freeOnly,
        Integer forAge,
        Integer agesFrom,
        Integer agesTo,
        List<String> features,
        List<String> deliveryModes,
        boolean placesAvailable,
        boolean activeOnly) {

    public static Builder builder() {
        return new Builder();
    }

    public boolean hasText() {
        return text != null && !text.isBlank();
    }

    /** Mutable builder: query parameters arrive one by one. */
    public static final class Builder {
        String text;
        List<String> termIds = List.of();
        String taxonomyId;
        String organizationId;
        Instant modifiedAfter;
        Located near;
        Integer within;
        boolean remoteOk;
        String day;
        LocalTime opensAt;
        LocalTime windowStart;
        LocalTime windowEnd;
        boolean freeOnly;
        Integer forAge;
        Integer agesFrom;
        Integer agesTo;
        List<String> features = List.of();
        List<String> deliveryModes = List.of();
        boolean placesAvailable;
        boolean activeOnly;

        public Builder text(String v) { text = v; return this; }
        public Builder termIds(List<String> v) { termIds = v; return this; }
        public Builder taxonomyId(String v) { taxonomyId = v; return this; }
        public Builder organizationId(String v) { organizationId = v; return this; }
        public Builder modifiedAfter(Instant v) { modifiedAfter = v; return this; }
        public Builder near(Located v, Integer metres) { near = v; within = metres; return this; }
        public Builder remoteOk(boolean v) { remoteOk = v; return this; }
        public Builder day(String v) { day = v; return this; }
        public Builder opensAt(LocalTime v) { opensAt = v; return this; }
        public Builder window(LocalTime start, LocalTime end) { windowStart = start; windowEnd = end; return this; }
        public Builder freeOnly(boolean v) { freeOnly = v; return this; }
        public Builder forAge(Integer v) { forAge = v; return this; }
        public Builder ages(Integer from, Integer to) { agesFrom = from; agesTo = to; return this; }
        public Builder features(List<String> v) { features = v; return this; }
        public Builder deliveryModes(List<String> v) { deliveryModes = v; return this; }
        public Builder placesAvailable(boolean v) { placesAvailable = v; return this; }
        public Builder activeOnly(boolean v) { activeOnly = v; return this; }

        public Criteria build() {
            return new Criteria(text, termIds, taxonomyId, organizationId, modifiedAfter, near, within, remoteOk, day, opensAt,
                    windowStart, windowEnd, freeOnly, forAge, agesFrom, agesTo, features, deliveryModes, placesAvailable, activeOnly);
        }
    }
}
