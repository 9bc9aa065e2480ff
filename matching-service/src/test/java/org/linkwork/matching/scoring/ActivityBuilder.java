package org.linkwork.matching.scoring;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.linkwork.events.DirectoryServiceChanged;
import org.linkwork.matching.place.GeoPoint;

/** Directory snapshots for the scorer's tests: an active in-person service unless told otherwise. */
final class ActivityBuilder {

    private final String id;
    private String status = "active";
    private List<String> codes = List.of("loneliness", "physical-activity");
    private List<String> modes = List.of("in-person");
    private final List<DirectoryServiceChanged.Place> sites = new ArrayList<>();
    private final List<DirectoryServiceChanged.Session> schedule = new ArrayList<>();
    private DirectoryServiceChanged.Eligibility eligibility;
    private List<String> features = List.of();
    private List<String> languages = List.of();
    private String setting;
    private Boolean free;
    private Integer places;
    private LocalDate assured;

    private ActivityBuilder(String id) {
        this.id = id;
    }

    static ActivityBuilder activity(String id) {
        return new ActivityBuilder(id);
    }

    ActivityBuilder status(String value) {
        status = value;
        return this;
    }

    ActivityBuilder codes(String... values) {
        codes = List.of(values);
        return this;
    }

    ActivityBuilder modes(String... values) {
        modes = List.of(values);
        return this;
    }

    ActivityBuilder at(GeoPoint... points) {
        for (GeoPoint p : points) {
            sites.add(new DirectoryServiceChanged.Place(id + "-site-" + sites.size(), "Site", null, p.latitude(), p.longitude()));
        }
        return this;
    }

    ActivityBuilder session(String opensAt, String closesAt, String... days) {
        schedule.add(new DirectoryServiceChanged.Session(List.of(days), opensAt, closesAt));
        return this;
    }

    ActivityBuilder ages(Integer min, Integer max) {
        eligibility = new DirectoryServiceChanged.Eligibility(min, max, eligibility == null ? List.of() : eligibility.conditions());
        return this;
    }

    ActivityBuilder onlyFor(String... conditions) {
        eligibility = new DirectoryServiceChanged.Eligibility(eligibility == null ? null : eligibility.minimumAge(),
                eligibility == null ? null : eligibility.maximumAge(), List.of(conditions));
        return this;
    }

    ActivityBuilder features(String... values) {
        features = List.of(values);
        return this;
    }

    ActivityBuilder languages(String... values) {
        languages = List.of(values);
        return this;
    }

    ActivityBuilder setting(String value) {
        setting = value;
        return this;
    }

    ActivityBuilder free(Boolean value) {
        free = value;
        return this;
    }

    ActivityBuilder places(Integer value) {
        places = value;
        return this;
    }

    ActivityBuilder assured(LocalDate value) {
        assured = value;
        return this;
    }

    Activity build() {
        return Activity.of(new DirectoryServiceChanged(id, "Service " + id, null, status, "org-" + id, "Provider " + id, codes, modes,
                sites, schedule, eligibility, features, languages, setting, free, places, null, assured, 1,
                Instant.parse("2026-01-01T00:00:00Z")));
    }
}
