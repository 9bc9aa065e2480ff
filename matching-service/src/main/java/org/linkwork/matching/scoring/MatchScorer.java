package org.linkwork.matching.scoring;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import org.linkwork.matching.place.GeoPoint;

/**
 * The matching rules, free of storage and messaging so they can be read and tested on their own.
 *
 * <p>Only active activities that meet at least one of the person's needs are candidates. Hard
 * constraints rule a candidate out (see {@link Ranker#consider}); the rest are scored as the
 * weighted mean of fits in [0, 1] ({@link MatchWeights}), and each proposal and each near-miss is
 * explained in plain words.
 *
 * <p>The order is total, so the same inputs always give the same ranking: score descending (three
 * decimals), then distance ascending (unknown last), then service id.
 */
public final class MatchScorer {

    static final int AGE = 1;
    static final int FULL = 1 << 1;
    static final int OFFLINE = 1 << 2;
    static final int MODE = 1 << 3;
    static final int ACCESS = 1 << 4;
    static final int CONDITIONS = 1 << 5;
    static final int TOO_FAR = 1 << 6;

    /** How much further than the person's limit in-person activities are still looked at, to name them as too far. */
    public static final double NEAR_MISS_REACH = 1.5;

    private final MatchWeights weights;
    private final MatchRules rules;

    public MatchScorer(MatchWeights weights, MatchRules rules) {
        this.weights = weights;
        this.rules = rules;
    }

    public MatchScorer(MatchWeights weights) {
        this(weights, MatchRules.DEFAULT);
    }

    public MatchRules rules() {
        return rules;
    }

    /** Ranks the candidates for the person: at most {@code limit} proposals and {@code maxExcluded} near-misses. */
    public Ranking rank(Person person, Iterable<Activity> candidates, int limit, int maxExcluded, LocalDate today) {
        Ranker ranker = ranker(person, limit, maxExcluded, today);
        candidates.forEach(ranker::consider);
        return ranker.ranking();
    }

    /** A ranking in progress: feed it candidates in any order, then ask for the ranking. */
    public Ranker ranker(Person person, int limit, int maxExcluded, LocalDate today) {
        return new Ranker(person, limit, maxExcluded, today);
    }

    /** 1 at the person's place, falling linearly to 0 at their reach. */
    static double closeness(double distanceKm, double reachKm) {
        if (reachKm <= 0) {
            return distanceKm <= 0 ? 1 : 0;
        }
        return Math.max(0, 1 - distanceKm / reachKm);
    }

    static double round(double value, int per) {
        return Math.round(value * per) / (double) per;
    }

    /** A candidate worth keeping while ranking: its score, distance (NaN when unknown) and the constraints it fails. */
    private record Scored(Activity activity, double score, double distanceKm, int exclusions) {
    }

    private static int compare(double score, double distance, String id, Scored other) {
        int c = Double.compare(other.score, score);
        if (c != 0) {
            return c;
        }
        // unknown distances last
        boolean unknown = Double.isNaN(distance);
        boolean otherUnknown = Double.isNaN(other.distanceKm);
        if (unknown != otherUnknown) {
            return unknown ? 1 : -1;
        }
        if (!unknown) {
            c = Double.compare(distance, other.distanceKm);
            if (c != 0) {
                return c;
            }
        }
        return id.compareTo(other.activity.serviceId());
    }

    private static final Comparator<Scored> RANKING = (a, b) -> compare(a.score, a.distanceKm, a.activity.serviceId(), b);

    /** One person's ranking, fed one candidate at a time; keeps only the best few of each kind. */
    public final class Ranker implements org.linkwork.matching.directory.DirectoryIndex.Search {

        private final Person person;
        private final int limit;
        private final int maxExcluded;
        private final LocalDate staleBefore;
        final int needs;
        private final int needCount;
        private final int goalCount;
        private final double total;
        private final long staleBeforeDay;
        final int goals;
        final int interests;
        final int preferredModes;
        final int usableModes;
        final int week;
        final int dayWeek;
        final int requiredFeatures;
        final int venueFeatures;
        final int conditions;
        final Integer ageFrom;
        final Integer ageTo;
        private final boolean placeKnown;
        private final double latitude;
        private final double longitude;
        private final double cosLatitude;
        private final double limitKm;
        final String language;
        final String settingWanted;
        /** Worst first, so the head is the one to drop. */
        private final PriorityQueue<Scored> kept;
        private final PriorityQueue<Scored> excluded;

        private Ranker(Person person, int limit, int maxExcluded, LocalDate today) {
            this.person = person;
            this.limit = limit;
            this.maxExcluded = maxExcluded;
            this.staleBefore = today.minusMonths(rules.staleAfterMonths());
            this.needs = Codes.mask(Codes.NEEDS, person.needs());
            this.needCount = Integer.bitCount(needs);
            this.staleBeforeDay = staleBefore.toEpochDay();
            this.total = weights.total();
            this.goals = Codes.mask(Codes.NEEDS, person.goalAreas());
            this.goalCount = Integer.bitCount(goals);
            this.interests = Codes.mask(Codes.INTERESTS, person.interests());
            this.preferredModes = Codes.mask(Codes.MODES, person.deliveryModes());
            int usable = preferredModes == 0 ? Codes.IN_PERSON | Codes.REMOTE : preferredModes;
            this.usableModes = person.offline() ? usable & ~Codes.ONLINE : usable;
            int days = Codes.mask(Codes.DAYS, person.days());
            int parts = Codes.mask(Codes.TIMES, person.timesOfDay());
            this.dayWeek = days == 0 ? Codes.everyDay(0b111) : Codes.wholeDays(days);
            this.week = days == 0 && parts == 0 ? 0 : dayWeek & (parts == 0 ? Codes.everyDay(0b111) : Codes.everyDay(parts));
            int features = 0;
            int venue = 0;
            for (String requirement : person.accessibilityRequirements()) {
                String feature = Codes.FEATURE_FOR_REQUIREMENT.get(requirement);
                int bit = feature == null ? 0 : Codes.mask(Codes.FEATURES, List.of(feature));
                features |= bit;
                if (Codes.VENUE_REQUIREMENTS.contains(requirement)) {
                    venue |= bit;
                }
            }
            this.requiredFeatures = features;
            this.venueFeatures = venue;
            this.conditions = Codes.mask(Codes.CONDITIONS, person.healthConditions());
            int[] band = ageBand(person.ageBand());
            this.ageFrom = band == null ? null : band[0];
            this.ageTo = band == null ? null : band[1];
            GeoPoint place = person.place();
            this.placeKnown = place != null;
            this.latitude = place == null ? 0 : Math.toRadians(place.latitude());
            this.longitude = place == null ? 0 : Math.toRadians(place.longitude());
            this.cosLatitude = Math.cos(latitude);
            this.limitKm = person.maxTravelKm() != null ? person.maxTravelKm() : rules.defaultMaxTravelKm();
            this.language = person.language() == null ? null : primary(person.language());
            this.settingWanted = "either".equals(person.setting()) ? null : person.setting();
            this.kept = new PriorityQueue<>(limit + 1, RANKING.reversed());
            this.excluded = new PriorityQueue<>(maxExcluded + 1, RANKING.reversed());
        }

        /** Bits of the person's needs: only activities sharing one are worth considering. */
        public int needMask() {
            return needs;
        }

        /** How far around the person in-person activities can matter, near-misses included; infinite when their place is unknown. */
        public double searchRadiusKm() {
            return placeKnown ? limitKm * NEAR_MISS_REACH : Double.POSITIVE_INFINITY;
        }

        /**
         * Scores one activity. Hard constraints rule it out when: the person's age band lies wholly
         * outside its age limits; it has no places left; it runs only online and the person has no
         * internet access; it runs only in ways the person does not want; it lacks a feature a
         * stated accessibility requirement needs (a venue requirement only when the person would
         * have to go there); it is only for conditions the person does not have; or the person
         * would have to go there and its nearest site is beyond their travel limit (stated, else
         * the default), when both places are known.
         */
        @Override
        public void consider(Activity a) {
            int met = a.needMask & needs;
            if (met == 0 || !a.active) {
                return;
            }
            int exclusions = 0;
            if (ageFrom != null && ((a.minimumAgeOrNone != Activity.NONE && ageTo < a.minimumAgeOrNone)
                    || (a.maximumAgeOrNone != Activity.NONE && ageFrom > a.maximumAgeOrNone))) {
                exclusions |= AGE;
            }
            if (a.placesOrNone != Activity.NONE && a.placesOrNone <= 0) {
                exclusions |= FULL;
            }
            int usable = a.modeMask & usableModes;
            if (a.modeMask != 0 && usable == 0) {
                exclusions |= person.offline() && a.modeMask == Codes.ONLINE ? OFFLINE : MODE;
            }
            boolean fromHome = (usable & Codes.REMOTE) != 0;
            boolean atVenue = a.modeMask == 0 || (usable & Codes.IN_PERSON) != 0;
            int missing = requiredFeatures & ~a.featureMask;
            if ((missing & ~venueFeatures) != 0 || ((missing & venueFeatures) != 0 && !fromHome)) {
                exclusions |= ACCESS;
            }
            if (a.conditionMask != 0 && (a.conditionMask & conditions) == 0) {
                exclusions |= CONDITIONS;
            }

            // everything but closeness first: if even the closest venue could not beat the last proposal, the
            // distance need not be worked out (nor can it be a near-miss, which must rank above that proposal)
            double remote = fromHome ? rules.remoteCloseness() : 0;
            double partial = weights.needs() * Integer.bitCount(met) / needCount
                    + weights.goals() * (goals == 0 ? 1 : (double) Integer.bitCount(a.needMask & goals) / goalCount)
                    + weights.mode() * (preferredModes == 0 || (a.modeMask & preferredModes) != 0 ? 1 : 0)
                    + weights.schedule() * scheduleFit(a)
                    + weights.interests() * (interests == 0 || (a.interestMask & interests) != 0 ? 1 : 0)
                    + weights.setting() * settingFit(a)
                    + weights.language() * languageFit(a)
                    + weights.cost() * (!person.costSensitive() || a.freeCode == 1 ? 1 : a.freeCode == -1 ? 0.5 : 0)
                    + weights.freshness() * (a.assuredDay == Long.MIN_VALUE ? 0.5 : a.assuredDay < staleBeforeDay ? 0 : 1);
            boolean venueCounts = atVenue && placeKnown && a.siteLatitudes.length > 0;
            double best = round((partial + weights.distance() * (venueCounts ? 1 : remote)) / total, 1000);
            if (kept.size() >= limit && limit > 0 && best < kept.peek().score) {
                return;
            }
            // a ruled-out candidate that cannot displace the worst near-miss kept would be dropped by offer anyway
            if (exclusions != 0 && (maxExcluded <= 0 || (excluded.size() >= maxExcluded && best < excluded.peek().score))) {
                return;
            }
            double distance = nearestSiteKm(a);
            if (a.inPersonOnly() && distance > limitKm * NEAR_MISS_REACH) {
                // far beyond reach is not a near-miss either; the index does not even look there
                return;
            }
            if (usable == Codes.IN_PERSON && !Double.isNaN(distance) && distance > limitKm) {
                exclusions |= TOO_FAR;
            }
            double venueCloseness = atVenue && !Double.isNaN(distance) ? closeness(distance, limitKm) : 0;
            double score = round((partial + weights.distance() * Math.max(venueCloseness, remote)) / total, 1000);
            offer(exclusions == 0 ? kept : excluded, exclusions == 0 ? limit : maxExcluded, a, score, distance, exclusions);
        }

        /**
         * Whether an activity with these need codes could still be proposed (or be a near-miss):
         * false once the proposals are full and a perfect fit in everything but needs and goals
         * would rank below the last of them. Judged from two bit counts, before anything else.
         */
        @Override
        public boolean couldRankMeeting(int activityNeeds) {
            if (kept.size() < limit || limit <= 0) {
                return true;
            }
            return bestMeeting(activityNeeds) >= kept.peek().score;
        }

        /**
         * As {@link #couldRankMeeting(int)}, and when the person cannot use any of the ways it runs
         * (so it can only be a near-miss), whether it could still displace the worst near-miss kept.
         */
        @Override
        public boolean couldRankMeeting(int activityNeeds, int activityModes) {
            if (!couldRankMeeting(activityNeeds)) {
                return false;
            }
            if (activityModes == 0 || (activityModes & usableModes) != 0) {
                return true;
            }
            if (maxExcluded <= 0) {
                return false;
            }
            return excluded.size() < maxExcluded || bestMeeting(activityNeeds) >= excluded.peek().score;
        }

        /** The best score an activity meeting these needs could have: perfect in everything else. */
        private double bestMeeting(int activityNeeds) {
            double best = total - weights.needs() * (needCount - Integer.bitCount(activityNeeds & needs)) / needCount
                    - (goals == 0 ? 0 : weights.goals() * (goalCount - Integer.bitCount(activityNeeds & goals)) / goalCount);
            return round(best / total, 1000);
        }

        /**
         * Whether an in-person-only venue at least this far away could still be proposed (or be a
         * near-miss): false once the proposals are full and even a perfect fit that far away would
         * rank below the last of them. The index uses it to skip whole cells of the grid.
         */
        @Override
        public boolean couldRankAt(double minimumKm) {
            if (kept.size() < limit || limit <= 0) {
                return true;
            }
            double closeness = limitKm <= 0 ? (minimumKm <= 0 ? 1 : 0) : Math.max(0, 1 - minimumKm / limitKm);
            double best = round((total - weights.distance() * (1 - closeness)) / total, 1000);
            return best >= kept.peek().score;
        }

        private void offer(PriorityQueue<Scored> queue, int size, Activity a, double score, double distance, int exclusions) {
            if (size <= 0) {
                return;
            }
            if (queue.size() < size) {
                queue.add(new Scored(a, score, distance, exclusions));
            } else if (compare(score, distance, a.serviceId(), queue.peek()) < 0) {
                queue.poll();
                queue.add(new Scored(a, score, distance, exclusions));
            }
        }

        /** The proposals best first, and the near-misses that would have been proposed. */
        public Ranking ranking() {
            List<Scored> best = sorted(kept);
            List<Scored> missed = sorted(excluded);
            if (best.size() >= limit && !best.isEmpty()) {
                Scored last = best.get(best.size() - 1);
                missed = missed.stream().filter(s -> RANKING.compare(s, last) < 0).toList();
            }
            return new Ranking(best.stream().map(this::proposal).toList(), missed.stream().map(this::exclusion).toList());
        }

        private List<Scored> sorted(PriorityQueue<Scored> queue) {
            List<Scored> list = new ArrayList<>(queue);
            list.sort(RANKING);
            return list;
        }

        private double scheduleFit(Activity a) {
            if (week == 0) {
                return 1;
            }
            if (a.weekMask == 0) {
                return 0.5;
            }
            if ((a.weekMask & week) != 0) {
                return 1;
            }
            // a day that suits, at another time
            return (a.weekMask & dayWeek) != 0 ? 0.5 : 0;
        }

        private double settingFit(Activity a) {
            if (settingWanted == null) {
                return 1;
            }
            if (a.settingCode == null) {
                return 0.5;
            }
            return a.settingCode.equals(settingWanted) || "either".equals(a.settingCode) ? 1 : 0;
        }

        private double languageFit(Activity a) {
            if (language == null) {
                return 1;
            }
            if (a.languageCodes.length == 0) {
                // a UK directory that names no language runs in English
                return "en".equals(language) ? 1 : 0.5;
            }
            return speaks(a) ? 1 : 0;
        }

        private boolean speaks(Activity a) {
            for (String code : a.languageCodes) {
                if (code.equals(language)) {
                    return true;
                }
            }
            return false;
        }

        /** Haversine km from the person's centroid to the nearest site, to 0.1 km; NaN when either place is unknown. */
        private double nearestSiteKm(Activity a) {
            if (!placeKnown || a.siteLatitudes.length == 0) {
                return Double.NaN;
            }
            double nearest = Double.MAX_VALUE;
            for (int i = 0; i < a.siteLatitudes.length; i++) {
                double halfDLat = (a.siteLatitudes[i] - latitude) / 2;
                double halfDLon = (a.siteLongitudes[i] - longitude) / 2;
                double sinLat = Math.sin(halfDLat);
                double sinLon = Math.sin(halfDLon);
                double h = sinLat * sinLat + cosLatitude * a.siteCosLatitudes[i] * sinLon * sinLon;
                nearest = Math.min(nearest, h);
            }
            double km = 2 * GeoPoint.EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(nearest)));
            // everything downstream (constraint, score, reason) uses the rounded figure, so they agree
            return round(km, 10);
        }

        private Ranking.Proposal proposal(Scored s) {
            Activity a = s.activity;
            List<String> reasons = new ArrayList<>();
            List<String> against = new ArrayList<>();
            int usable = a.modeMask & usableModes;
            boolean fromHome = (usable & Codes.REMOTE) != 0;
            boolean atVenue = a.modeMask == 0 || (usable & Codes.IN_PERSON) != 0;

            List<String> met = person.needs().stream().filter(a.taxonomyCodes()::contains).toList();
            List<String> unmet = person.needs().stream().filter(n -> !a.taxonomyCodes().contains(n)).toList();
            int assessed = person.needs().size();
            reasons.add("meets " + met.size() + " of " + assessed + (assessed == 1 ? " need: " : " needs: ") + String.join(", ", met));
            if (!unmet.isEmpty()) {
                against.add("does not address " + String.join(", ", unmet));
            }
            List<String> goalsMet = person.goalAreas().stream().filter(a.taxonomyCodes()::contains).toList();
            if (!goalsMet.isEmpty()) {
                reasons.add("supports the person's goals: " + String.join(", ", goalsMet));
            }
            double d = s.distanceKm;
            if (!Double.isNaN(d)) {
                reasons.add(Spoken.km(d) + " km away");
                if (d > limitKm && fromHome && a.modeMask != 0 && (a.modeMask & Codes.IN_PERSON) != 0) {
                    against.add("the venue is further than the person can travel: from home only");
                } else if (person.publicTransportOnly() && atVenue && d > rules.publicTransportKm()) {
                    against.add("a " + Spoken.km(d) + " km journey by public transport");
                }
            }
            int preferredOffered = a.modeMask & preferredModes;
            if (preferredOffered != 0) {
                reasons.add(Spoken.modes(preferredOffered) + ", as preferred");
            } else if (preferredModes != 0 && a.modeMask == 0) {
                against.add("does not say whether it runs in person, online or by telephone");
            }
            if ("limited".equals(person.digitalAccess()) && usable == Codes.ONLINE) {
                against.add("online: the person may need help to get connected");
            }
            explainSchedule(a, reasons, against);
            List<String> enjoyed = Codes.codes(Codes.INTERESTS, a.interestMask & interests);
            if (!enjoyed.isEmpty()) {
                reasons.add("matches interests: " + String.join(", ", enjoyed));
            }
            explainSetting(a, reasons, against);
            explainLanguage(a, reasons, against);
            for (String requirement : person.accessibilityRequirements().stream().sorted().toList()) {
                String feature = Codes.FEATURE_FOR_REQUIREMENT.get(requirement);
                if (feature == null) {
                    continue;
                }
                if ((a.featureMask & Codes.mask(Codes.FEATURES, List.of(feature))) != 0) {
                    reasons.add(Spoken.feature(feature));
                } else {
                    against.add("no " + Spoken.feature(feature).replaceFirst("^an? ", "") + " listed: from home only");
                }
            }
            List<String> forConditions = Codes.codes(Codes.CONDITIONS, a.conditionMask & conditions);
            if (!forConditions.isEmpty()) {
                reasons.add("for people with " + Spoken.joined(forConditions.stream().map(Spoken::condition).toList()));
            }
            if (ageFrom != null && ((a.minimumAge() != null && ageFrom < a.minimumAge()) || (a.maximumAge() != null && ageTo > a.maximumAge()))) {
                against.add(Spoken.ages(a.minimumAge(), a.maximumAge()) + ": check the person's age");
            }
            if (Boolean.TRUE.equals(a.free())) {
                reasons.add("free");
            } else if (person.costSensitive()) {
                against.add(a.free() == null ? "cost not stated" : "has a cost");
            }
            if (a.placesAvailable() != null) {
                reasons.add(a.placesAvailable() + (a.placesAvailable() == 1 ? " place left" : " places left"));
            }
            if (a.assuredDate() != null && a.assuredDate().isBefore(staleBefore)) {
                against.add("details last confirmed by the provider on " + a.assuredDate());
            }
            return new Ranking.Proposal(a, s.score, Double.isNaN(d) ? null : d, List.copyOf(reasons), List.copyOf(against));
        }

        private void explainSchedule(Activity a, List<String> reasons, List<String> against) {
            if (week == 0 || a.weekMask == 0) {
                return;
            }
            boolean daysGiven = !person.days().isEmpty();
            boolean partsGiven = !person.timesOfDay().isEmpty();
            int fitting = a.weekMask & week;
            if (fitting != 0) {
                reasons.add(capitalised(Spoken.week(fitting, daysGiven, partsGiven)) + ", as preferred");
            } else {
                against.add("runs " + Spoken.week(a.weekMask, true, true) + ", not at the times that suit");
            }
        }

        private void explainSetting(Activity a, List<String> reasons, List<String> against) {
            if (settingWanted == null || a.setting() == null) {
                return;
            }
            if (a.setting().equals(settingWanted) || "either".equals(a.setting())) {
                reasons.add(("group".equals(settingWanted) ? "in a group" : "one-to-one") + ", as preferred");
            } else {
                against.add(("group".equals(a.setting()) ? "in a group" : "one-to-one") + "; the person prefers "
                        + ("group".equals(settingWanted) ? "a group" : "one-to-one"));
            }
        }

        private void explainLanguage(Activity a, List<String> reasons, List<String> against) {
            if (language == null || a.languages().isEmpty()) {
                return;
            }
            if (speaks(a)) {
                if (!"en".equals(language)) {
                    reasons.add("in " + Spoken.language(language) + ", as preferred");
                }
            } else {
                against.add("runs in " + Spoken.joined(a.languages().stream().map(Spoken::language).toList()) + ", not "
                        + Spoken.language(language));
            }
        }

        private Ranking.Exclusion exclusion(Scored s) {
            Activity a = s.activity;
            List<String> why = new ArrayList<>();
            if ((s.exclusions & AGE) != 0) {
                why.add(Spoken.ages(a.minimumAge(), a.maximumAge()));
            }
            if ((s.exclusions & FULL) != 0) {
                why.add("no places left");
            }
            if ((s.exclusions & OFFLINE) != 0) {
                why.add("online only, and the person has no internet access");
            }
            if ((s.exclusions & MODE) != 0) {
                why.add("runs only " + Spoken.modes(a.modeMask) + "; the person wants " + Spoken.modes(usableModes));
            }
            if ((s.exclusions & ACCESS) != 0) {
                for (String feature : Codes.codes(Codes.FEATURES, requiredFeatures & ~a.featureMask)) {
                    why.add("no " + Spoken.feature(feature).replaceFirst("^an? ", "") + " listed");
                }
            }
            if ((s.exclusions & CONDITIONS) != 0) {
                why.add("only for people with " + Spoken.either(Codes.codes(Codes.CONDITIONS, a.conditionMask).stream()
                        .map(Spoken::condition).toList()));
            }
            if ((s.exclusions & TOO_FAR) != 0) {
                why.add(Spoken.km(s.distanceKm) + " km away, beyond the " + Spoken.limit(limitKm) + " km the person can travel");
            }
            return new Ranking.Exclusion(a, s.score, Double.isNaN(s.distanceKm) ? null : s.distanceKm, List.copyOf(why));
        }
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    static String primary(String tag) {
        int dash = tag.indexOf('-');
        return (dash < 0 ? tag : tag.substring(0, dash)).toLowerCase(Locale.ROOT);
    }

    /** "65-74" → [65, 74], "75+" → [75, 120]; null when not a band. */
    static int[] ageBand(String band) {
        if (band == null) {
            return null;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(\\d{1,3})(?:-(\\d{1,3})|\\+)$").matcher(band.trim());
        if (!m.matches()) {
            return null;
        }
        int from = Integer.parseInt(m.group(1));
        return new int[] {from, m.group(2) == null ? 120 : Integer.parseInt(m.group(2))};
    }
}
