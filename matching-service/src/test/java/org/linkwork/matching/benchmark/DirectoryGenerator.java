package org.linkwork.matching.benchmark;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.linkwork.events.DirectoryServiceChanged;
import org.linkwork.events.Need;
import org.linkwork.events.Vocabulary;
import org.linkwork.matching.place.GeoPoint;
import org.linkwork.matching.scoring.Person;

/**
 * A made-up national directory for benchmarks: activities clustered round English towns in
 * proportion to their size, with the mix of needs, modes, schedules, eligibility, access and
 * capacity a real directory has. The same seed gives the same directory.
 */
public final class DirectoryGenerator {

    /** Towns and cities of England: name, latitude, longitude, relative size. */
    private static final Object[][] TOWNS = {
            {"London", 51.507, -0.128, 90}, {"Birmingham", 52.486, -1.890, 12}, {"Manchester", 53.480, -2.242, 11},
            {"Leeds", 53.800, -1.549, 8}, {"Liverpool", 53.408, -2.991, 6}, {"Sheffield", 53.381, -1.470, 6},
            {"Bristol", 51.454, -2.588, 5}, {"Newcastle", 54.978, -1.618, 5}, {"Nottingham", 52.954, -1.158, 4},
            {"Leicester", 52.637, -1.139, 4}, {"Coventry", 52.407, -1.510, 3}, {"Bradford", 53.795, -1.759, 4},
            {"Hull", 53.745, -0.336, 3}, {"Stoke", 53.003, -2.180, 3}, {"Plymouth", 50.375, -4.143, 3},
            {"Southampton", 50.910, -1.404, 3}, {"Portsmouth", 50.817, -1.080, 3}, {"Derby", 52.922, -1.477, 3},
            {"Norwich", 52.630, 1.297, 2}, {"York", 53.960, -1.082, 2}, {"Exeter", 50.718, -3.534, 2},
            {"Cambridge", 52.205, 0.122, 2}, {"Oxford", 51.752, -1.258, 2}, {"Brighton", 50.823, -0.137, 3},
            {"Reading", 51.455, -0.978, 2}, {"Middlesbrough", 54.574, -1.235, 2}, {"Sunderland", 54.906, -1.381, 2},
            {"Preston", 53.763, -2.703, 2}, {"Blackpool", 53.817, -3.036, 1}, {"Carlisle", 54.893, -2.936, 1},
            {"Lincoln", 53.231, -0.540, 1}, {"Ipswich", 52.057, 1.148, 1}, {"Truro", 50.263, -5.051, 1},
            {"Kendal", 54.328, -2.745, 1}, {"Hereford", 52.056, -2.716, 1}, {"Shrewsbury", 52.708, -2.754, 1},
            {"Barnstaple", 51.080, -4.058, 1}, {"Scarborough", 54.283, -0.400, 1}, {"Canterbury", 51.280, 1.080, 1},
            {"Gloucester", 51.864, -2.244, 1}};

    /** How often each need is a service's code, roughly: loneliness and activity are everywhere, substance use is rare. */
    private static final int[] NEED_WEIGHTS = {20, 10, 8, 16, 5, 5, 4, 4, 4, 5, 3, 4, 3, 7, 6, 4, 3, 4, 2};
    private static final List<String> INTERESTS = Vocabulary.INTERESTS.stream().sorted().toList();
    private static final List<String> FEATURES = Vocabulary.ACCESSIBILITY_FEATURES.stream().sorted().toList();
    private static final List<String> CONDITIONS = Vocabulary.HEALTH_CONDITIONS.stream().sorted().toList();
    private static final List<String> OTHER_LANGUAGES = List.of("pl", "ur", "pa", "bn", "gu", "ar", "so", "cy");
    private static final LocalDate TODAY = LocalDate.parse("2026-06-01");

    private final Random random;
    private final int totalWeight;

    public DirectoryGenerator(long seed) {
        this.random = new Random(seed);
        int sum = 0;
        for (Object[] town : TOWNS) {
            sum += (int) town[3];
        }
        this.totalWeight = sum;
    }

    public List<DirectoryServiceChanged> services(int count) {
        List<DirectoryServiceChanged> services = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            services.add(service(i));
        }
        return services;
    }

    public DirectoryServiceChanged service(int n) {
        String id = String.format("gen-%06d", n);
        List<String> codes = new ArrayList<>();
        int needs = 1 + random.nextInt(3);
        while (codes.size() < needs) {
            String code = Need.values()[weighted(NEED_WEIGHTS)].code();
            if (!codes.contains(code)) {
                codes.add(code);
            }
        }
        if (random.nextInt(10) < 6) {
            codes.add(INTERESTS.get(random.nextInt(INTERESTS.size())));
        }
        int kind = random.nextInt(100);
        List<String> modes = kind < 70 ? List.of("in-person") : kind < 80 ? List.of("online") : kind < 88 ? List.of("telephone")
                : List.of("in-person", "online");
        List<DirectoryServiceChanged.Place> sites = new ArrayList<>();
        if (modes.contains("in-person")) {
            GeoPoint town = nearTown();
            sites.add(new DirectoryServiceChanged.Place(id + "-1", "Venue", null, town.latitude(), town.longitude()));
            if (random.nextInt(20) == 0) {
                sites.add(new DirectoryServiceChanged.Place(id + "-2", "Second venue", null, town.latitude() + gaussian(3),
                        town.longitude() + gaussian(5)));
            }
        }
        List<DirectoryServiceChanged.Session> schedule = new ArrayList<>();
        int sessions = random.nextInt(3);
        for (int s = 0; s < sessions; s++) {
            int opens = 9 + random.nextInt(11);
            schedule.add(new DirectoryServiceChanged.Session(List.of(Vocabulary.DAYS.get(random.nextInt(7))),
                    String.format("%02d:00", opens), String.format("%02d:30", Math.min(23, opens + 1 + random.nextInt(2)))));
        }
        int e = random.nextInt(100);
        DirectoryServiceChanged.Eligibility eligibility = e < 15 ? new DirectoryServiceChanged.Eligibility(18, null, List.of())
                : e < 25 ? new DirectoryServiceChanged.Eligibility(random.nextBoolean() ? 50 : 55, null, List.of())
                : e < 30 ? new DirectoryServiceChanged.Eligibility(16, 25, List.of())
                : e < 35 ? new DirectoryServiceChanged.Eligibility(null, null, List.of(CONDITIONS.get(random.nextInt(CONDITIONS.size()))))
                : null;
        List<String> features = FEATURES.stream().filter(f -> random.nextInt(100) < 35).toList();
        List<String> languages = random.nextInt(10) == 0 ? List.of("en", OTHER_LANGUAGES.get(random.nextInt(OTHER_LANGUAGES.size())))
                : List.of();
        int st = random.nextInt(10);
        String setting = st < 7 ? "group" : st < 9 ? "one-to-one" : "either";
        int c = random.nextInt(100);
        Boolean free = c < 60 ? Boolean.TRUE : c < 85 ? Boolean.FALSE : null;
        Integer places = random.nextInt(10) < 3 ? null : random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(20);
        String status = random.nextInt(100) < 95 ? "active" : "inactive";
        return new DirectoryServiceChanged(id, "Activity " + n, null, status, "org-" + (n % 5000), "Provider " + (n % 5000), codes,
                modes, sites, schedule, eligibility, features, languages, setting, free, places, places == null ? null : 25,
                TODAY.minusDays(random.nextInt(730)), 1, Instant.parse("2026-05-01T00:00:00Z"));
    }

    /** A person somewhere in England, placed (as a district centroid would) near a town. */
    public Person person() {
        List<String> needs = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        while (needs.size() < count) {
            String code = Need.values()[weighted(NEED_WEIGHTS)].code();
            if (!needs.contains(code)) {
                needs.add(code);
            }
        }
        List<String> interests = List.of(INTERESTS.get(random.nextInt(INTERESTS.size())));
        Set<String> modes = switch (random.nextInt(4)) {
            case 0 -> Set.of("in-person");
            case 1 -> Set.of("in-person", "telephone");
            default -> Set.of();
        };
        List<String> days = random.nextBoolean() ? List.of(Vocabulary.DAYS.get(random.nextInt(5))) : List.of();
        List<String> times = random.nextBoolean() ? List.of(Vocabulary.TIMES_OF_DAY.get(random.nextInt(3))) : List.of();
        Set<String> requirements = random.nextInt(5) == 0 ? Set.of("limited-mobility") : Set.of();
        String digital = random.nextInt(5) == 0 ? "none" : "full";
        String[] bands = {"18-24", "25-34", "35-49", "50-64", "65-74", "75+"};
        return new Person(needs, needs.subList(0, 1), interests, modes, days, times, random.nextBoolean() ? "group" : null, "en",
                Set.of(), requirements, digital, nearTown(), random.nextBoolean() ? 5.0 + random.nextInt(20) : null, random.nextInt(4) == 0,
                random.nextBoolean(), bands[random.nextInt(bands.length)]);
    }

    private GeoPoint nearTown() {
        int pick = random.nextInt(totalWeight);
        for (Object[] town : TOWNS) {
            pick -= (int) town[3];
            if (pick < 0) {
                // spread about 6 km round the centre (London wider)
                double spread = "London".equals(town[0]) ? 0.15 : 0.05;
                return new GeoPoint((double) town[1] + gaussian(spread), (double) town[2] + gaussian(spread * 1.6));
            }
        }
        throw new IllegalStateException();
    }

    private double gaussian(double sd) {
        return random.nextGaussian() * sd;
    }

    private int weighted(int[] weights) {
        int sum = 0;
        for (int w : weights) {
            sum += w;
        }
        int pick = random.nextInt(sum);
        for (int i = 0; i < weights.length; i++) {
            pick -= weights[i];
            if (pick < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
