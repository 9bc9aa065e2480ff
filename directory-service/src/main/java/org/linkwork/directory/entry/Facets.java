package org.linkwork.directory.entry;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.linkwork.directory.hsds.HsdsService;
import org.linkwork.directory.taxonomy.LinkworkTaxonomy;
import org.linkwork.directory.taxonomy.Term;
import org.linkwork.directory.taxonomy.TermIndex;
import org.linkwork.events.DirectoryServiceChanged;
import org.linkwork.events.Vocabulary;

/**
 * What a link worker filters on, read off a service: needs (tagged, or implied by its activity
 * types), accessibility, eligibility, setting, delivery modes, cost, sessions and languages, plus the
 * text search ranks. Search columns and the published snapshot both come from here, so they agree.
 */
public record Facets(
        List<String> needCodes,
        List<String> activityCodes,
        List<String> termIds,
        List<String> taxonomyIds,
        List<String> accessibilityFeatures,
        List<String> conditions,
        String setting,
        List<String> deliveryModes,
        Boolean free,
        List<Session> sessions,
        List<DirectoryServiceChanged.Session> scheduleSummary,
        List<String> languageCodes,
        String primaryText,
        String secondaryText,
        String otherText) {

    private static final List<String> DAY_CODES = List.of("MO", "TU", "WE", "TH", "FR", "SA", "SU");

    public static Facets of(HsdsService s, TermIndex index) {
        List<Term> terms = nullToEmpty(s.attributes()).stream()
                .map(a -> index.byId(a.taxonomyTermId()).orElse(null)).filter(t -> t != null).toList();
        Set<String> needs = new TreeSet<>();
        Set<String> activities = new TreeSet<>();
        Set<String> features = new TreeSet<>();
        Set<String> conditions = new TreeSet<>();
        Set<String> settings = new TreeSet<>();
        Set<String> modes = new TreeSet<>();
        Set<String> termIds = new TreeSet<>();
        Set<String> taxonomyIds = new TreeSet<>();
        for (Term t : terms) {
            termIds.add(t.id());
            if (t.taxonomyId() != null) {
                taxonomyIds.add(t.taxonomyId());
            }
            LinkworkTaxonomy taxonomy = t.linkwork().orElse(null);
            if (taxonomy == null) {
                continue;
            }
            switch (taxonomy) {
                case NEEDS -> needs.add(t.code());
                case ACTIVITIES -> {
                    activities.add(t.code());
                    needs.addAll(t.needs());
                }
                case ACCESSIBILITY -> features.add(t.code());
                case CONDITIONS -> conditions.add(t.code());
                case SETTINGS -> settings.add(t.code());
                case DELIVERY -> modes.add(t.code());
            }
        }
        // an activity type implies its needs, so a search by need term finds it too
        for (String need : needs) {
            index.need(need).ifPresent(t -> {
                termIds.add(t.id());
                taxonomyIds.add(t.taxonomyId());
            });
        }
        for (HsdsService.ServiceAtLocation sal : nullToEmpty(s.serviceAtLocations())) {
            switch (sal.location().locationType()) {
                case physical -> modes.add("in-person");
                case virtual -> modes.add("online");
                default -> {
                }
            }
        }
        List<Session> sessions = new ArrayList<>();
        List<DirectoryServiceChanged.Session> summary = new ArrayList<>();
        for (HsdsService.Schedule schedule : nullToEmpty(s.schedules())) {
            modes.addAll(attendingModes(schedule.attendingType()));
            List<String> days = days(schedule);
            if (days.isEmpty()) {
                continue;
            }
            LocalTime opens = time(schedule.opensAt());
            LocalTime closes = time(schedule.closesAt());
            days.forEach(d -> sessions.add(new Session(d, opens, closes, schedule.validFrom(), schedule.validTo())));
            summary.add(new DirectoryServiceChanged.Session(days, hhmm(opens), hhmm(closes)));
        }
        String setting = settings.size() > 1 ? "either" : settings.stream().findFirst().orElse(null);
        List<String> languages = nullToEmpty(s.languages()).stream()
                .map(l -> l.code() != null ? l.code() : l.name() == null ? null : l.name().strip().toLowerCase(Locale.ROOT))
                .filter(l -> l != null && !l.isBlank()).distinct().sorted().toList();
        String primary = join(s.name(), s.alternateName());
        String secondary = join(s.description());
        List<String> other = new ArrayList<>();
        other.add(s.organization().name());
        terms.forEach(t -> other.add(t.name()));
        needs.forEach(n -> index.need(n).ifPresent(t -> other.add(t.name())));
        nullToEmpty(s.serviceAtLocations()).forEach(sal -> {
            other.add(sal.location().name());
            nullToEmpty(sal.location().addresses()).forEach(a -> other.add(a.city()));
        });
        other.add(s.eligibilityDescription());
        return new Facets(List.copyOf(needs), List.copyOf(activities), List.copyOf(termIds), List.copyOf(taxonomyIds),
                List.copyOf(features), List.copyOf(conditions), setting, ordered(modes, Vocabulary.DELIVERY_MODES), free(s),
                sessions, summary, languages, primary, secondary, join(other.toArray(String[]::new)));
    }

    /** Needs and activity types: what matching reads as the service's taxonomy codes. */
    public List<String> taxonomyCodes() {
        return new TreeSet<>(concat(needCodes, activityCodes)).stream().toList();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** True when every cost option costs nothing, false when one costs something, null when cost is not stated. */
    static Boolean free(HsdsService s) {
        List<HsdsService.CostOption> options = nullToEmpty(s.costOptions());
        if (options.isEmpty()) {
            return null;
        }
        boolean allStated = true;
        for (HsdsService.CostOption o : options) {
            if (o.amount() == null) {
                allStated = false;
            } else if (o.amount().compareTo(BigDecimal.ZERO) > 0) {
                return false;
            }
        }
        return allStated ? Boolean.TRUE : null;
    }

    /** Weekday codes of a schedule; a monthly "2TU" still runs on a Tuesday. */
    static List<String> days(HsdsService.Schedule schedule) {
        Set<String> days = new LinkedHashSet<>();
        if (schedule.byday() != null) {
            for (String part : schedule.byday().toUpperCase(Locale.ROOT).split(",")) {
                String code = part.replaceAll("[^A-Z]", "");
                int i = DAY_CODES.indexOf(code);
                if (i >= 0) {
                    days.add(Vocabulary.DAYS.get(i));
                }
            }
        } else if ("WEEKLY".equalsIgnoreCase(schedule.freq()) && schedule.dtstart() != null) {
            days.add(Vocabulary.DAYS.get(schedule.dtstart().getDayOfWeek().getValue() - 1));
        }
        return Vocabulary.DAYS.stream().filter(days::contains).toList();
    }

    /** "10:00", "10:00:00", "10:00Z", "10:00+01:00" → 10:00 (the directory reads times as UK local). */
    public static LocalTime time(String value) {
        if (value == null || value.length() < 5) {
            return null;
        }
        return LocalTime.of(Integer.parseInt(value.substring(0, 2)), Integer.parseInt(value.substring(3, 5)));
    }

    private static String hhmm(LocalTime t) {
        return t == null ? null : String.format("%02d:%02d", t.getHour(), t.getMinute());
    }

    private static Set<String> attendingModes(String attendingType) {
        Set<String> modes = new TreeSet<>();
        if (attendingType == null) {
            return modes;
        }
        String a = attendingType.toLowerCase(Locale.ROOT);
        if (a.contains("phone")) {
            modes.add("telephone");
        }
        if (a.contains("online") || a.contains("video") || a.contains("virtual")) {
            modes.add("online");
        }
        if (a.contains("in person") || a.contains("in-person") || a.contains("face to face")) {
            modes.add("in-person");
        }
        return modes;
    }

    private static List<String> ordered(Set<String> codes, List<String> order) {
        return order.stream().filter(codes::contains).toList();
    }

    private static String join(String... parts) {
        return java.util.Arrays.stream(parts).filter(p -> p != null && !p.isBlank()).collect(Collectors.joining(" "));
    }

    static <T> List<T> nullToEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    static <T> Comparator<T> byId(java.util.function.Function<T, String> id) {
        return Comparator.comparing(id, Comparator.nullsLast(Comparator.naturalOrder()));
    }
}
