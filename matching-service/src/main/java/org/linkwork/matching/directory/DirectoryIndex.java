package org.linkwork.matching.directory;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import org.linkwork.events.DirectoryServiceChanged;
import org.linkwork.events.Postcodes;
import org.linkwork.matching.place.GeoPoint;
import org.linkwork.matching.scoring.Activity;

/**
 * The directory in memory, for matching in milliseconds: every activity of the read model, found by
 * need and, for the ones that only run at a venue, by where that venue is. The database stays the
 * read model of record; this is loaded from it at start ({@link DirectoryIndexLoader}) and follows
 * each committed change.
 *
 * <p>Activities that can be taken part in from home (or do not say how they run) are listed by need
 * code; in-person-only ones are also put in a grid of cells about 11 km square, so that a person's
 * search only looks at the venues around them. Changes carry the read model's revision and an older
 * one never overwrites a newer one, whatever order the committing transactions reach the index in.
 */
@ApplicationScoped
public class DirectoryIndex {

    /** Grid cell size in degrees: about 11 km north–south, about 10.5 km east–west in England. */
    static final double CELL_LATITUDE = 0.1;
    static final double CELL_LONGITUDE = 0.16;
    private static final int NEEDS = org.linkwork.events.Need.values().length;

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private Activity[] slots = new Activity[1024];
    /** Each slot's need codes, beside the activities, so most candidates are judged without touching the activity itself. */
    private int[] needMasks = new int[1024];
    /** Each slot's delivery modes, likewise: a person who cannot use them rules the activity out before it is read. */
    private int[] modeMasks = new int[1024];
    private int slotCount;
    private final Deque<Integer> freeSlots = new ArrayDeque<>();
    private final Map<String, Integer> slotOf = new HashMap<>();
    /** The newest revision seen per service, kept after a removal so a late older change cannot bring it back. */
    private final Map<String, Long> revisions = new HashMap<>();
    private final SlotList[] anywhereByNeed = newLists();
    private final SlotList[] venueByNeed = newLists();
    private final Map<Long, SlotList> venueByCell = new HashMap<>();
    private final Map<String, double[]> districtSums = new HashMap<>();
    private int size;

    private static SlotList[] newLists() {
        SlotList[] lists = new SlotList[NEEDS];
        for (int i = 0; i < NEEDS; i++) {
            lists[i] = new SlotList();
        }
        return lists;
    }

    /** Puts the activity in, unless a newer revision of it has been applied (or removed). Returns whether it was applied. */
    public boolean put(Activity activity, long revision) {
        lock.writeLock().lock();
        try {
            Long known = revisions.get(activity.serviceId());
            if (known != null && known >= revision) {
                return false;
            }
            revisions.put(activity.serviceId(), revision);
            Integer slot = slotOf.get(activity.serviceId());
            if (slot == null) {
                slot = freeSlots.isEmpty() ? slotCount++ : freeSlots.pop();
                if (slot >= slots.length) {
                    slots = Arrays.copyOf(slots, slots.length * 2);
                    needMasks = Arrays.copyOf(needMasks, needMasks.length * 2);
                    modeMasks = Arrays.copyOf(modeMasks, modeMasks.length * 2);
                }
                slotOf.put(activity.serviceId(), slot);
                size++;
            } else {
                Activity old = slots[slot];
                if (sameKeys(old, activity)) {
                    // the usual change (places taken, times, wording): nothing to re-file
                    slots[slot] = activity;
                    modeMasks[slot] = activity.modeMask();
                    return true;
                }
                needMasks[slot] = 0;
                unfile(slot, old);
            }
            slots[slot] = activity;
            needMasks[slot] = activity.needMask();
            modeMasks[slot] = activity.modeMask();
            file(slot, activity);
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Takes the service out, unless a newer revision of it has been applied. */
    public boolean remove(String serviceId, long revision) {
        lock.writeLock().lock();
        try {
            Long known = revisions.get(serviceId);
            if (known != null && known >= revision) {
                return false;
            }
            revisions.put(serviceId, revision);
            Integer slot = slotOf.remove(serviceId);
            if (slot != null) {
                unfile(slot, slots[slot]);
                slots[slot] = null;
                needMasks[slot] = 0;
                modeMasks[slot] = 0;
                freeSlots.push(slot);
                size--;
            }
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Forgets everything: before a reload from the database. */
    public void clear() {
        lock.writeLock().lock();
        try {
            slots = new Activity[1024];
            needMasks = new int[1024];
            modeMasks = new int[1024];
            slotCount = 0;
            freeSlots.clear();
            slotOf.clear();
            revisions.clear();
            Arrays.stream(anywhereByNeed).forEach(SlotList::clear);
            Arrays.stream(venueByNeed).forEach(SlotList::clear);
            venueByCell.clear();
            districtSums.clear();
            size = 0;
        } finally {
            lock.writeLock().unlock();
        }
    }

    public int size() {
        lock.readLock().lock();
        try {
            return size;
        } finally {
            lock.readLock().unlock();
        }
    }

    public Optional<Activity> get(String serviceId) {
        lock.readLock().lock();
        try {
            Integer slot = slotOf.get(serviceId);
            return slot == null ? Optional.empty() : Optional.of(slots[slot]);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The revision applied for a service, or -1 if none: for tests and checks, not for matching. */
    public long revision(String serviceId) {
        lock.readLock().lock();
        try {
            return revisions.getOrDefault(serviceId, -1L);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Every activity, by service id: for tests and checks, not for matching. */
    public List<Activity> all() {
        lock.readLock().lock();
        try {
            List<Activity> all = new ArrayList<>(size);
            for (int i = 0; i < slotCount; i++) {
                if (slots[i] != null) {
                    all.add(slots[i]);
                }
            }
            all.sort(java.util.Comparator.comparing(Activity::serviceId));
            return all;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** What a search tells the index as it goes, so it can skip what could no longer rank. */
    public interface Search {

        /** Whether an in-person-only venue at least this far away could still rank. */
        boolean couldRankAt(double minimumKm);

        /** Whether an activity with these need codes could still rank. */
        boolean couldRankMeeting(int activityNeeds);

        /** Whether an activity with these need codes, running in these delivery modes, could still rank. */
        default boolean couldRankMeeting(int activityNeeds, int activityModes) {
            return couldRankMeeting(activityNeeds);
        }

        void consider(Activity activity);
    }

    /** Every candidate, no skipping: for checks. */
    public void candidates(int needMask, GeoPoint place, double radiusKm, Consumer<Activity> consumer) {
        candidates(needMask, place, radiusKm, new Search() {
            @Override
            public boolean couldRankAt(double minimumKm) {
                return true;
            }

            @Override
            public boolean couldRankMeeting(int activityNeeds) {
                return true;
            }

            @Override
            public void consider(Activity activity) {
                consumer.accept(activity);
            }
        });
    }

    /**
     * Hands each activity that shares a need with {@code needMask} to the consumer once: the
     * in-person-only ones with a venue in the grid cells within {@code radiusKm} of the place,
     * nearest cells first, skipping a cell when the search says nothing that far away can rank any
     * more, and any activity whose needs could no longer rank; then all that can be taken part in from anywhere. When the place is
     * unknown (or the radius infinite) every in-person-only activity with the need is handed over.
     * It may hand over a few venues just beyond the radius; the scorer measures exactly.
     */
    public void candidates(int needMask, GeoPoint place, double radiusKm, Search search) {
        lock.readLock().lock();
        try {
            long[] seen = new long[(slotCount >>> 6) + 1];
            boolean byGrid = place != null && !Double.isInfinite(radiusKm);
            if (byGrid) {
                for (long[] cell : cellsAround(place, radiusKm)) {
                    SlotList list = venueByCell.get(cell[0]);
                    if (list != null && search.couldRankAt(Double.longBitsToDouble(cell[1]))) {
                        visit(list, needMask, seen, search);
                    }
                }
            }
            for (int need = 0; need < NEEDS; need++) {
                if ((needMask & (1 << need)) != 0) {
                    if (!byGrid) {
                        visit(venueByNeed[need], needMask, seen, search);
                    }
                    visit(anywhereByNeed[need], needMask, seen, search);
                }
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The cells of the circle's bounding box (a little generous), each with a lower bound of its distance in km, nearest first. */
    private List<long[]> cellsAround(GeoPoint place, double radiusKm) {
        double dLat = Math.toDegrees(radiusKm / GeoPoint.EARTH_RADIUS_KM) * 1.01;
        double cos = Math.cos(Math.toRadians(Math.min(89, Math.abs(place.latitude()) + dLat)));
        double dLon = Math.min(180, dLat / Math.max(cos, 1e-6));
        int fromRow = row(place.latitude() - dLat);
        int toRow = row(place.latitude() + dLat);
        int fromCol = column(place.longitude() - dLon);
        int toCol = column(place.longitude() + dLon);
        List<long[]> cells = new ArrayList<>();
        for (int r = fromRow; r <= toRow; r++) {
            for (int c = fromCol; c <= toCol; c++) {
                long key = cellKey(r, c);
                if (venueByCell.containsKey(key)) {
                    // the cell's nearest point to the place, shrunk a little so the bound stays below the truth
                    double lat = Math.max(r * CELL_LATITUDE, Math.min((r + 1) * CELL_LATITUDE, place.latitude()));
                    double lon = Math.max(c * CELL_LONGITUDE, Math.min((c + 1) * CELL_LONGITUDE, place.longitude()));
                    double km = Math.max(0, place.distanceKmTo(new GeoPoint(lat, lon)) * 0.99 - 0.1);
                    cells.add(new long[] {key, Double.doubleToLongBits(km)});
                }
            }
        }
        cells.sort(java.util.Comparator.comparingDouble(cell -> Double.longBitsToDouble(cell[1])));
        return cells;
    }

    /** The mean position of the located sites in a postcode district: the geocoder's fallback. */
    public Optional<GeoPoint> districtCentroid(String district) {
        lock.readLock().lock();
        try {
            double[] sum = districtSums.get(district);
            // averaging degrees is fine at the scale of a district, far from the poles and the antimeridian
            return sum == null || sum[2] == 0 ? Optional.empty() : GeoPoint.of(sum[0] / sum[2], sum[1] / sum[2]);
        } finally {
            lock.readLock().unlock();
        }
    }

    private void visit(SlotList list, int needMask, long[] seen, Search search) {
        int[] items = list.items;
        for (int i = 0, n = list.size; i < n; i++) {
            int slot = items[i];
            long bit = 1L << (slot & 63);
            if ((seen[slot >>> 6] & bit) != 0) {
                continue;
            }
            int needs = needMasks[slot];
            if ((needs & needMask) != 0) {
                seen[slot >>> 6] |= bit;
                if (search.couldRankMeeting(needs, modeMasks[slot])) {
                    search.consider(slots[slot]);
                }
            }
        }
    }

    private static boolean byVenue(Activity a) {
        return a.inPersonOnly() && !a.sites().isEmpty();
    }

    private static boolean sameKeys(Activity old, Activity now) {
        return old.needMask() == now.needMask() && byVenue(old) == byVenue(now) && old.sites().equals(now.sites())
                && locationsOf(old).equals(locationsOf(now));
    }

    private void file(int slot, Activity a) {
        boolean venue = byVenue(a);
        for (int need = 0; need < NEEDS; need++) {
            if ((a.needMask() & (1 << need)) != 0) {
                (venue ? venueByNeed : anywhereByNeed)[need].add(slot);
            }
        }
        if (venue) {
            for (long cell : cellsOf(a)) {
                venueByCell.computeIfAbsent(cell, k -> new SlotList()).add(slot);
            }
        }
        addToDistricts(a, 1);
    }

    private void unfile(int slot, Activity a) {
        boolean venue = byVenue(a);
        for (int need = 0; need < NEEDS; need++) {
            if ((a.needMask() & (1 << need)) != 0) {
                (venue ? venueByNeed : anywhereByNeed)[need].remove(slot);
            }
        }
        if (venue) {
            for (long cell : cellsOf(a)) {
                SlotList list = venueByCell.get(cell);
                if (list != null) {
                    list.remove(slot);
                    if (list.size == 0) {
                        venueByCell.remove(cell);
                    }
                }
            }
        }
        addToDistricts(a, -1);
    }

    private static List<Long> cellsOf(Activity a) {
        return a.sites().stream().map(s -> cellKey(row(s.latitude()), column(s.longitude()))).distinct().toList();
    }

    private static List<DirectoryServiceChanged.Place> locationsOf(Activity a) {
        return a.snapshot().locations() == null ? List.of() : a.snapshot().locations();
    }

    private void addToDistricts(Activity a, int sign) {
        for (DirectoryServiceChanged.Place p : locationsOf(a)) {
            if (p == null || GeoPoint.of(p.latitude(), p.longitude()).isEmpty()) {
                continue;
            }
            Postcodes.districtOf(p.postcode()).ifPresent(district -> {
                double[] sum = districtSums.computeIfAbsent(district, k -> new double[3]);
                sum[0] += sign * p.latitude();
                sum[1] += sign * p.longitude();
                sum[2] += sign;
                if (sum[2] == 0) {
                    districtSums.remove(district);
                }
            });
        }
    }

    static int row(double latitude) {
        return (int) Math.floor(latitude / CELL_LATITUDE);
    }

    static int column(double longitude) {
        return (int) Math.floor(longitude / CELL_LONGITUDE);
    }

    private static long cellKey(int row, int column) {
        return ((long) row << 32) | (column & 0xffffffffL);
    }

    /** A growable list of slots; order does not matter, the scorer's order is total. */
    static final class SlotList {
        int[] items = new int[8];
        int size;

        void add(int slot) {
            if (size == items.length) {
                items = Arrays.copyOf(items, size * 2);
            }
            items[size++] = slot;
        }

        void remove(int slot) {
            for (int i = 0; i < size; i++) {
                if (items[i] == slot) {
                    items[i] = items[--size];
                    return;
                }
            }
        }

        void clear() {
            items = new int[8];
            size = 0;
        }
    }
}
