package org.linkwork.matching.scoring;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.linkwork.events.DirectoryServiceChanged;
import org.linkwork.matching.place.GeoPoint;

/**
 * A directory service as matching weighs it: the fields of its latest snapshot, the places left
 * after the activity referrals matching has seen since, and the same facts as bit masks and
 * radians worked out once, when the snapshot arrives, rather than for every referral.
 */
public final class Activity {

    public static final String ACTIVE = "active";

    private final DirectoryServiceChanged snapshot;
    private final Integer placesAvailable;
    private final Set<String> taxonomyCodes;
    private final List<GeoPoint> sites;
    final boolean active;
    final int needMask;
    final int interestMask;
    final int modeMask;
    final int featureMask;
    final int conditionMask;
    /** Week slots (day × part of day) of its sessions; 0 when it has no schedule. */
    final int weekMask;
    /** Scoring's hot loop reads these primitives, not the snapshot's boxed and listed fields. */
    static final int NONE = Integer.MIN_VALUE;
    final int minimumAgeOrNone;
    final int maximumAgeOrNone;
    final int placesOrNone;
    /** 1 free, 0 has a cost, -1 not stated. */
    final int freeCode;
    final String settingCode;
    final String[] languageCodes;
    final long assuredDay;
    final double[] siteLatitudes;
    final double[] siteLongitudes;
    final double[] siteCosLatitudes;

    private Activity(DirectoryServiceChanged snapshot, Integer placesAvailable) {
        this.snapshot = snapshot;
        this.placesAvailable = placesAvailable;
        this.taxonomyCodes = snapshot.taxonomyCodes() == null ? Set.of()
                : Set.copyOf(snapshot.taxonomyCodes().stream().filter(Objects::nonNull).toList());
        List<GeoPoint> located = new ArrayList<>();
        if (snapshot.locations() != null) {
            for (DirectoryServiceChanged.Place p : snapshot.locations()) {
                if (p != null) {
                    GeoPoint.of(p.latitude(), p.longitude()).ifPresent(located::add);
                }
            }
        }
        this.sites = List.copyOf(located);
        this.active = ACTIVE.equals(snapshot.status());
        this.needMask = Codes.mask(Codes.NEEDS, taxonomyCodes);
        this.interestMask = Codes.mask(Codes.INTERESTS, taxonomyCodes);
        this.modeMask = Codes.mask(Codes.MODES, snapshot.deliveryModes());
        this.featureMask = Codes.mask(Codes.FEATURES, snapshot.accessibilityFeatures());
        this.conditionMask = snapshot.eligibility() == null ? 0 : Codes.mask(Codes.CONDITIONS, snapshot.eligibility().conditions());
        this.weekMask = weekOf(snapshot.schedule());
        this.minimumAgeOrNone = minimumAge() == null ? NONE : minimumAge();
        this.maximumAgeOrNone = maximumAge() == null ? NONE : maximumAge();
        this.placesOrNone = placesAvailable == null ? NONE : placesAvailable;
        this.freeCode = snapshot.free() == null ? -1 : snapshot.free() ? 1 : 0;
        this.settingCode = snapshot.setting();
        this.languageCodes = languages().stream().map(MatchScorer::primary).toArray(String[]::new);
        this.assuredDay = snapshot.assuredDate() == null ? Long.MIN_VALUE : snapshot.assuredDate().toEpochDay();
        this.siteLatitudes = sites.stream().mapToDouble(s -> Math.toRadians(s.latitude())).toArray();
        this.siteLongitudes = sites.stream().mapToDouble(s -> Math.toRadians(s.longitude())).toArray();
        this.siteCosLatitudes = java.util.Arrays.stream(siteLatitudes).map(Math::cos).toArray();
    }

    /** The service as its snapshot describes it, with the directory's own count of places. */
    public static Activity of(DirectoryServiceChanged snapshot) {
        return new Activity(snapshot, snapshot.placesAvailable());
    }

    /** The service with places taken or released since its snapshot accounted for. */
    public static Activity of(DirectoryServiceChanged snapshot, Integer placesAvailable) {
        return new Activity(snapshot, placesAvailable);
    }

    public Activity withPlacesAvailable(Integer places) {
        return new Activity(snapshot, places);
    }

    public DirectoryServiceChanged snapshot() {
        return snapshot;
    }

    public String serviceId() {
        return snapshot.serviceId();
    }

    public String name() {
        return snapshot.name();
    }

    public String organizationId() {
        return snapshot.organizationId();
    }

    public boolean isActive() {
        return active;
    }

    public Set<String> taxonomyCodes() {
        return taxonomyCodes;
    }

    /** Free places; null when the directory does not track capacity. */
    public Integer placesAvailable() {
        return placesAvailable;
    }

    public List<GeoPoint> sites() {
        return sites;
    }

    /** Bits of its need codes (bit i = the i-th {@link org.linkwork.events.Need}). */
    public int needMask() {
        return needMask;
    }

    /** Bits of how it runs ({@link Codes#MODES}); 0 when it does not say. */
    public int modeMask() {
        return modeMask;
    }

    /** Only reachable at a venue: distance can rule it out. */
    public boolean inPersonOnly() {
        return modeMask == Codes.IN_PERSON;
    }

    /** Can be taken part in from home, or does not say how it runs. */
    public boolean reachableFromAnywhere() {
        return modeMask == 0 || (modeMask & Codes.REMOTE) != 0;
    }

    LocalDate assuredDate() {
        return snapshot.assuredDate();
    }

    Integer minimumAge() {
        return snapshot.eligibility() == null ? null : snapshot.eligibility().minimumAge();
    }

    Integer maximumAge() {
        return snapshot.eligibility() == null ? null : snapshot.eligibility().maximumAge();
    }

    List<String> languages() {
        return snapshot.languages() == null ? List.of() : snapshot.languages().stream().filter(Objects::nonNull).toList();
    }

    String setting() {
        return snapshot.setting();
    }

    Boolean free() {
        return snapshot.free();
    }

    static int weekOf(List<DirectoryServiceChanged.Session> schedule) {
        if (schedule == null) {
            return 0;
        }
        int mask = 0;
        for (DirectoryServiceChanged.Session session : schedule) {
            if (session == null) {
                continue;
            }
            int days = Codes.mask(Codes.DAYS, session.days() == null ? List.of() : new LinkedHashSet<>(session.days()));
            mask |= Codes.wholeDays(days) & Codes.everyDay(partsOfDay(session.opensAt(), session.closesAt()));
        }
        return mask;
    }

    /**
     * The parts of the day a session touches (morning before 12:00, afternoon 12:00–17:00, evening
     * after 17:00, as {@link org.linkwork.events.Vocabulary#TIMES_OF_DAY} defines them); all three
     * when it gives no times, and an hour when it gives no end.
     */
    static int partsOfDay(String opensAt, String closesAt) {
        Integer opens = minutes(opensAt);
        if (opens == null) {
            return 0b111;
        }
        Integer closes = minutes(closesAt);
        int end = closes == null || closes <= opens ? opens + 60 : closes;
        int parts = 0;
        if (opens < 12 * 60) {
            parts |= 1;
        }
        if (opens < 17 * 60 && end > 12 * 60) {
            parts |= 1 << 1;
        }
        if (end > 17 * 60) {
            parts |= 1 << 2;
        }
        return parts;
    }

    private static Integer minutes(String hhmm) {
        if (hhmm == null || !hhmm.matches("([01][0-9]|2[0-3]):[0-5][0-9]")) {
            return null;
        }
        return Integer.parseInt(hhmm.substring(0, 2)) * 60 + Integer.parseInt(hhmm.substring(3));
    }

    @Override
    public String toString() {
        return "Activity[" + serviceId() + "]";
    }
}
