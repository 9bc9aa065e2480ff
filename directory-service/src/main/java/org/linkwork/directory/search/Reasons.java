package org.linkwork.directory.search;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.linkwork.directory.entry.Facets;
import org.linkwork.directory.entry.Session;
import org.linkwork.directory.geocoding.Position;
import org.linkwork.directory.hsds.HsdsService;
import org.linkwork.directory.taxonomy.TermIndex;

/** Explains a hit: one reason for each part of the search it met. */
final class Reasons {

    private Reasons() {
    }

    static List<Reason> of(Criteria q, HsdsService s, Facets f, TermIndex terms, ServiceFinder.Hit hit, Set<String> textFields,
            List<String> askedNeeds) {
        List<Reason> reasons = new ArrayList<>();
        if (q.hasText()) {
            reasons.add(new Reason("text", "\"" + q.text().strip() + "\" found in " + (textFields.isEmpty() ? "its details" : String.join(" and ", textFields))
                    + String.format(Locale.ROOT, " (rank %.3f)", hit.rank())));
        }
        if (!askedNeeds.isEmpty()) {
            List<String> met = askedNeeds.stream().filter(f.needCodes()::contains).toList();
            String byActivity = f.activityCodes().isEmpty() ? "" : " (" + f.activityCodes().stream()
                    .map(a -> terms.linkworkCode(a).map(t -> t.name()).orElse(a)).collect(Collectors.joining(", ")) + ")";
            reasons.add(new Reason("need", "meets " + String.join(", ", met) + byActivity));
        } else if (!q.termIds().isEmpty()) {
            List<String> names = q.termIds().stream().filter(f.termIds()::contains)
                    .map(id -> terms.byId(id).map(t -> t.name()).orElse(id)).toList();
            reasons.add(new Reason("taxonomy", "tagged " + String.join(", ", names)));
        }
        if (q.near() != null && hit.servedArea() != null) {
            reasons.add(new Reason("distance", "serves your area: " + (q.near().postcode() == null ? "the point searched" : q.near().postcode())
                    + " is inside its service area" + (hit.servedArea().isBlank() ? "" : " (" + hit.servedArea() + ")")));
        } else if (q.near() != null && hit.distanceMetres() != null) {
            String where = nearest(s, q.near().position());
            reasons.add(new Reason("distance", String.format(Locale.ROOT, "%.1f km from %s%s", hit.distanceMetres() / 1000,
                    q.near().postcode() == null ? "the point searched" : q.near().postcode(), where)));
        } else if (q.near() != null) {
            reasons.add(new Reason("distance", "no travel: taken part in " + String.join(" or ", f.deliveryModes().stream()
                    .filter(m -> !m.equals("in-person")).toList())));
        }
        if (q.day() != null) {
            List<String> sessions = f.sessions().stream().filter(x -> x.day().equals(q.day()))
                    .filter(x -> q.opensAt() == null || x.opens() != null && !x.opens().isAfter(q.opensAt()) && x.closes() != null
                            && x.closes().isAfter(q.opensAt()))
                    .map(Reasons::session).toList();
            reasons.add(new Reason("schedule", "runs " + String.join(", ", sessions)));
        }
        if (q.freeOnly()) {
            reasons.add(new Reason("cost", "free of charge"));
        }
        if (q.forAge() != null) {
            String range = s.minimumAge() == null && s.maximumAge() == null ? "no age limits"
                    : s.maximumAge() == null ? "ages " + s.minimumAge() + " and over"
                    : s.minimumAge() == null ? "ages up to " + s.maximumAge() : "ages " + s.minimumAge() + " to " + s.maximumAge();
            reasons.add(new Reason("age", "open to age " + q.forAge() + " (" + range + ")"));
        }
        if (!q.features().isEmpty()) {
            reasons.add(new Reason("accessibility", "offers " + String.join(", ", q.features())));
        }
        if (!q.deliveryModes().isEmpty()) {
            reasons.add(new Reason("delivery", "taken part " + String.join(" or ", q.deliveryModes().stream()
                    .filter(f.deliveryModes()::contains).toList())));
        }
        if (q.placesAvailable()) {
            reasons.add(new Reason("places", s.placesAvailable() == null ? "places are not counted by this provider"
                    : s.placesAvailable() + (s.maximumPlaces() == null ? "" : " of " + s.maximumPlaces()) + " places available"));
        }
        return reasons;
    }

    private static String nearest(HsdsService s, Position from) {
        return s.serviceAtLocations() == null ? "" : s.serviceAtLocations().stream().map(HsdsService.ServiceAtLocation::location)
                .filter(l -> l.latitude() != null && l.longitude() != null)
                .min(java.util.Comparator.comparingDouble(l -> from.metresTo(new Position(l.latitude(), l.longitude()))))
                .map(l -> l.name() == null ? "" : " (" + l.name() + ")").orElse("");
    }

    private static String session(Session x) {
        return x.day() + (x.opens() == null ? "" : " " + hhmm(x.opens()) + (x.closes() == null ? "" : "–" + hhmm(x.closes())));
    }

    private static String hhmm(LocalTime t) {
        return String.format(Locale.ROOT, "%02d:%02d", t.getHour(), t.getMinute());
    }
}
