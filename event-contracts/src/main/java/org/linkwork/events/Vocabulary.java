package org.linkwork.events;

import java.util.List;
import java.util.Set;

/**
 * The small coded vocabularies that events share besides needs ({@link Need}). Every service that
 * reads or writes one of these fields checks it against the set here, so a code means the same
 * thing everywhere. Add codes with a reason; never rename one.
 */
public final class Vocabulary {

    /** How an activity is delivered, and how a person would take part. */
    public static final List<String> DELIVERY_MODES = List.of("in-person", "online", "telephone");

    /** Days of the week, as in iCalendar BYDAY but lower case. */
    public static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

    /** Parts of the day: morning before 12:00, afternoon 12:00–17:00, evening after 17:00. */
    public static final List<String> TIMES_OF_DAY = List.of("morning", "afternoon", "evening");

    /** Group or one-to-one: what a person prefers, or how an activity runs. */
    public static final List<String> SETTINGS = List.of("group", "one-to-one", "either");

    /** What a person needs from a place or activity in order to take part. */
    public static final Set<String> ACCESSIBILITY_REQUIREMENTS = Set.of(
            "wheelchair-access", "hearing-loop", "bsl", "learning-disability-support",
            "limited-mobility", "no-strenuous-activity");

    /**
     * What a place or activity offers. A requirement is met by the feature of the same code, and
     * limited-mobility by step-free-access, no-strenuous-activity by low-intensity.
     */
    public static final Set<String> ACCESSIBILITY_FEATURES = Set.of(
            "wheelchair-access", "step-free-access", "hearing-loop", "bsl", "learning-disability-support",
            "accessible-toilet", "low-intensity", "seated-options", "large-print");

    /** Broad, coded health conditions relevant to eligibility; never diagnoses in free text. */
    public static final Set<String> HEALTH_CONDITIONS = Set.of(
            "cardiovascular", "respiratory", "diabetes", "musculoskeletal", "mental-health",
            "dementia", "learning-disability", "sensory-impairment", "cancer", "long-covid", "frailty");

    /** What a person likes doing, used to rank activities of the same need. */
    public static final Set<String> INTERESTS = Set.of(
            "walking", "gardening", "arts-crafts", "music", "singing", "cooking", "sport", "dance",
            "reading", "games", "volunteering", "faith", "nature", "history", "technology", "socialising");

    /** Digital access: none (no internet), limited (help needed), full. */
    public static final List<String> DIGITAL_ACCESS = List.of("none", "limited", "full");

    /** Coarse, analytics-safe demographics. */
    public static final List<String> SEXES = List.of("female", "male", "other", "not-stated");

    /** ONS 2021 census high-level ethnic groups, coded. */
    public static final List<String> ETHNICITY_GROUPS = List.of(
            "asian", "black", "mixed", "white", "other", "not-stated");

    /** Why a link worker judged a proposed activity not suitable. */
    public static final Set<String> UNSUITABLE_REASONS = Set.of(
            "too-far", "wrong-time", "not-interested", "not-accessible", "cost", "full", "other");

    /** Why a referral moved from one link-worker team to another. */
    public static final Set<String> TEAM_MOVE_REASONS = Set.of(
            "wrong-practice", "wrong-area", "person-moved", "specialist-team", "team-capacity", "other");

    private Vocabulary() {
    }
}
