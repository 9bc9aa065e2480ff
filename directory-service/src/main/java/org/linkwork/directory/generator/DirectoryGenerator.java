package org.linkwork.directory.generator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.linkwork.directory.taxonomy.LinkworkTaxonomy;

/**
 * Writes a realistic, fictional HSDS tabular data package of any size: community activities of
 * the Linkwork activity types across twenty English, Welsh and Scottish towns, each with an
 * organisation, a place (address, coordinates, accessibility), weekly or monthly sessions, a cost,
 * languages, a contact with a phone, a service area (a GeoJSON shape of the town for services by
 * telephone, a description for the rest), capacity and an assured date (some of them stale). It
 * also writes {@code postcodes.csv} in the ONS Postcode Directory layout for the postcodes it used,
 * so searches by postcode work offline. Rows are written as they are made: a
 * million services need no more memory than ten. The same seed gives the same package.
 *
 * <p>Attributes name the Linkwork taxonomy terms by their ids ({@link LinkworkTaxonomy}).
 *
 * <p>Usage: {@code DirectoryGenerator <folder> [services=100000] [seed=42]}
 */
public final class DirectoryGenerator {

    record Town(String name, String area, String county, double latitude, double longitude) {
    }

    record Activity(String code, String[] names, String[] needs, String setting, boolean outdoor) {
    }

    static final List<Town> TOWNS = List.of(
            new Town("Leeds", "LS", "West Yorkshire", 53.7997, -1.5492), new Town("Manchester", "M", "Greater Manchester", 53.4808, -2.2426),
            new Town("Birmingham", "B", "West Midlands", 52.4862, -1.8904), new Town("Bristol", "BS", "Bristol", 51.4545, -2.5879),
            new Town("Newcastle upon Tyne", "NE", "Tyne and Wear", 54.9783, -1.6178), new Town("Sheffield", "S", "South Yorkshire", 53.3811, -1.4701),
            new Town("Liverpool", "L", "Merseyside", 53.4084, -2.9916), new Town("Nottingham", "NG", "Nottinghamshire", 52.9548, -1.1581),
            new Town("Leicester", "LE", "Leicestershire", 52.6369, -1.1398), new Town("Cardiff", "CF", "South Glamorgan", 51.4816, -3.1791),
            new Town("Glasgow", "G", "Glasgow City", 55.8642, -4.2518), new Town("Edinburgh", "EH", "City of Edinburgh", 55.9533, -3.1883),
            new Town("Norwich", "NR", "Norfolk", 52.6309, 1.2974), new Town("Plymouth", "PL", "Devon", 50.3755, -4.1427),
            new Town("York", "YO", "North Yorkshire", 53.9590, -1.0815), new Town("Exeter", "EX", "Devon", 50.7184, -3.5339),
            new Town("Hull", "HU", "East Riding of Yorkshire", 53.7676, -0.3274), new Town("Bradford", "BD", "West Yorkshire", 53.7960, -1.7594),
            new Town("Cambridge", "CB", "Cambridgeshire", 52.2053, 0.1218), new Town("Oxford", "OX", "Oxfordshire", 51.7520, -1.2577));

    static final List<Activity> ACTIVITIES = List.of(
            new Activity("walking-group", new String[] {"Health walk", "Walk and talk", "Park walking group", "Buggy walk"},
                    new String[] {"physical-activity", "loneliness"}, "group", true),
            new Activity("exercise-class", new String[] {"Chair-based exercise", "Strength and balance class", "Gentle yoga"},
                    new String[] {"physical-activity"}, "group", false),
            new Activity("mens-shed", new String[] {"Men's shed", "Community workshop"}, new String[] {"loneliness"}, "group", false),
            new Activity("community-garden", new String[] {"Community garden", "Allotment group", "Growing together"},
                    new String[] {"nature"}, "group", true),
            new Activity("green-volunteering", new String[] {"Conservation volunteers", "Green gym"}, new String[] {"nature"}, "group", true),
            new Activity("arts-on-prescription", new String[] {"Arts on prescription", "Creative wellbeing course", "Art for wellbeing"},
                    new String[] {"arts-creativity", "low-mood"}, "group", false),
            new Activity("choir", new String[] {"Community choir", "Singing for the brain", "Sing for your lungs"},
                    new String[] {"arts-creativity"}, "group", false),
            new Activity("befriending", new String[] {"Telephone befriending", "Home visiting befriending"}, new String[] {"loneliness"},
                    "one-to-one", false),
            new Activity("social-group", new String[] {"Coffee morning", "Friendship club", "Knit and natter"}, new String[] {"loneliness"},
                    "group", false),
            new Activity("lunch-club", new String[] {"Lunch club", "Community cafe"}, new String[] {"food", "loneliness"}, "group", false),
            new Activity("peer-support-group", new String[] {"Diabetes peer support", "Breathe easy group", "Pain peer support"},
                    new String[] {"long-term-condition"}, "group", false),
            new Activity("talking-support", new String[] {"Listening service", "Wellbeing cafe"}, new String[] {"low-mood", "anxiety"},
                    "one-to-one", false),
            new Activity("bereavement-support", new String[] {"Bereavement cafe", "Bereavement support"}, new String[] {"bereavement"},
                    "group", false),
            new Activity("carers-group", new String[] {"Carers' support group", "Carers' cafe"}, new String[] {"carer-support"}, "group", false),
            new Activity("money-advice", new String[] {"Benefits advice", "Money advice drop-in"}, new String[] {"money"}, "one-to-one", false),
            new Activity("debt-advice", new String[] {"Debt advice", "Debt and budgeting help"}, new String[] {"debt"}, "one-to-one", false),
            new Activity("housing-advice", new String[] {"Housing advice", "Tenancy support"}, new String[] {"housing"}, "one-to-one", false),
            new Activity("employment-support", new String[] {"Job club", "Work and skills support"}, new String[] {"employment"}, "group", false),
            new Activity("adult-learning", new String[] {"Community learning", "English conversation club"}, new String[] {"learning"},
                    "group", false),
            new Activity("digital-inclusion", new String[] {"Digital drop-in", "Get online sessions"}, new String[] {"digital-skills"},
                    "one-to-one", false),
            new Activity("cooking-class", new String[] {"Cook and eat", "Healthy cooking on a budget"}, new String[] {"food", "healthy-weight"},
                    "group", false),
            new Activity("weight-management", new String[] {"Healthy weight group", "Eat well, move more"}, new String[] {"healthy-weight"},
                    "group", false),
            new Activity("food-bank", new String[] {"Food bank", "Community pantry"}, new String[] {"food"}, "one-to-one", false),
            new Activity("relationship-support", new String[] {"Relationship support", "Family support"}, new String[] {"relationships"},
                    "one-to-one", false),
            new Activity("alcohol-drug-support", new String[] {"Recovery cafe", "Alcohol support group"}, new String[] {"substance-use"},
                    "group", false));

    static final String[] PLACES = {"community centre", "library", "church hall", "park", "leisure centre", "community hub", "village hall",
        "health centre", "mosque community room", "allotments"};
    static final String[] STREETS = {"High Street", "Church Lane", "Station Road", "Park Road", "Victoria Street", "Mill Lane", "School Road",
        "Queen Street", "North Road", "Green Lane"};
    static final String[] FEATURES = {"wheelchair-access", "step-free-access", "hearing-loop", "accessible-toilet", "seated-options",
        "large-print", "low-intensity", "bsl", "learning-disability-support"};
    static final String[][] LANGUAGES = {{"en", "English"}, {"pa", "Punjabi"}, {"ur", "Urdu"}, {"pl", "Polish"}, {"cy", "Welsh"},
        {"bn", "Bengali"}, {"so", "Somali"}, {"ar", "Arabic"}};
    static final String[] CONDITIONS = {"diabetes", "respiratory", "musculoskeletal", "dementia", "mental-health", "cardiovascular"};
    static final String[] DAYS = {"MO", "TU", "WE", "TH", "FR", "SA"};

    private DirectoryGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: DirectoryGenerator <folder> [services=100000] [seed=42]");
            System.exit(2);
        }
        Path folder = Path.of(args[0]);
        int services = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
        long started = System.nanoTime();
        write(folder, services, seed);
        System.out.printf(Locale.ROOT, "Wrote %d services to %s in %.1f s%n", services, folder, (System.nanoTime() - started) / 1e9);
    }

    /** Writes the package (and postcodes.csv) into the folder. */
    public static void write(Path folder, int services, long seed) throws IOException {
        Files.createDirectories(folder);
        Random random = new Random(seed);
        LocalDate today = LocalDate.of(2025, 6, 1);
        Map<String, Csv> files = new LinkedHashMap<>();
        files.put("organizations", new Csv(folder.resolve("organizations.csv"), "id", "name", "description", "email", "website"));
        files.put("services", new Csv(folder.resolve("services.csv"), "id", "organization_id", "name", "description", "url", "email",
                "status", "eligibility_description", "minimum_age", "maximum_age", "assured_date", "last_modified"));
        files.put("capacity", new Csv(folder.resolve("service_capacity.csv"), "id", "service_id", "available", "maximum"));
        files.put("locations", new Csv(folder.resolve("locations.csv"), "id", "location_type", "organization_id", "name", "description",
                "latitude", "longitude"));
        files.put("addresses", new Csv(folder.resolve("addresses.csv"), "id", "location_id", "address_1", "city", "state_province",
                "postal_code", "country", "address_type"));
        files.put("accessibility", new Csv(folder.resolve("accessibility.csv"), "id", "location_id", "description", "details"));
        files.put("sal", new Csv(folder.resolve("service_at_location.csv"), "id", "service_id", "location_id"));
        files.put("schedules", new Csv(folder.resolve("schedules.csv"), "id", "service_id", "freq", "interval", "byday", "opens_at",
                "closes_at", "description", "attending_type", "valid_from"));
        files.put("costs", new Csv(folder.resolve("cost_options.csv"), "id", "service_id", "option", "currency", "amount",
                "amount_description"));
        files.put("languages", new Csv(folder.resolve("languages.csv"), "id", "service_id", "name", "code"));
        files.put("areas", new Csv(folder.resolve("service_areas.csv"), "id", "service_id", "name", "extent_type", "extent"));
        files.put("contacts", new Csv(folder.resolve("contacts.csv"), "id", "service_id", "name", "title", "email"));
        files.put("phones", new Csv(folder.resolve("phones.csv"), "id", "service_id", "contact_id", "number", "type"));
        files.put("attributes", new Csv(folder.resolve("attributes.csv"), "id", "link_id", "taxonomy_term_id", "link_type", "link_entity"));
        Csv postcodes = new Csv(folder.resolve("postcodes.csv"), "pcds", "lat", "long");
        try {
            int organisations = Math.max(1, services / 20);
            for (int o = 0; o < organisations; o++) {
                Town town = TOWNS.get(o % TOWNS.size());
                files.get("organizations").row(uuid(seed, "org", o), town.name() + " " + pick(random, new String[] {"Community Trust",
                    "Wellbeing Network", "Voluntary Action", "Age Friendly", "Neighbourhood Partnership", "Together CIC"}) + " " + (o + 1),
                        "A fictional community organisation generated for tests and benchmarks.", "hello" + o + "@example.org",
                        "https://example.org/org/" + o);
            }
            for (int i = 0; i < services; i++) {
                int o = random.nextInt(organisations);
                Town town = TOWNS.get(o % TOWNS.size());
                Activity activity = ACTIVITIES.get(random.nextInt(ACTIVITIES.size()));
                String id = uuid(seed, "service", i);
                String orgId = uuid(seed, "org", o);
                String placeName = pick(random, PLACES);
                String name = pick(random, activity.names()) + ", " + town.name() + " " + placeName;
                boolean phoneOnly = activity.code().equals("befriending") && random.nextBoolean();
                int district = 1 + random.nextInt(20);
                String postcode = town.area() + district + " " + random.nextInt(10) + (char) ('A' + random.nextInt(26))
                        + (char) ('A' + random.nextInt(26));
                double latitude = town.latitude() + (random.nextDouble() - 0.5) * 0.14;
                double longitude = town.longitude() + (random.nextDouble() - 0.5) * 0.22;
                Integer minAge = random.nextInt(3) == 0 ? null : random.nextInt(4) == 0 ? 50 : 18;
                Integer maxAge = random.nextInt(10) == 0 ? 25 + random.nextInt(40) : null;
                if (minAge != null && maxAge != null && maxAge < minAge) {
                    maxAge = null;
                }
                LocalDate assured = today.minusDays(random.nextInt(random.nextInt(5) == 0 ? 720 : 170));
                files.get("services").row(id, orgId, name, "A friendly " + activity.code().replace('-', ' ') + " in " + town.name()
                        + ". " + pick(random, new String[] {"Everyone welcome.", "No need to book.", "Come along and meet people.",
                            "Refreshments provided.", "Run by trained volunteers."}), "https://example.org/s/" + i, "service" + i + "@example.org",
                        random.nextInt(50) == 0 ? "temporarily closed" : "active",
                        minAge == null ? "" : "Adults " + minAge + "+", str(minAge), str(maxAge), assured.toString(),
                        today.atStartOfDay().toString() + "Z");
                int maximum = 6 + random.nextInt(30);
                files.get("capacity").row(uuid(seed, "capacity", i), id, String.valueOf(random.nextInt(maximum + 1)), String.valueOf(maximum));
                String locationId = uuid(seed, "location", i);
                if (phoneOnly) {
                    files.get("locations").row(locationId, "virtual", orgId, "By telephone", "", "", "");
                } else {
                    files.get("locations").row(locationId, "physical", orgId, town.name() + " " + placeName, "",
                            String.format(Locale.ROOT, "%.6f", latitude), String.format(Locale.ROOT, "%.6f", longitude));
                    files.get("addresses").row(uuid(seed, "address", i), locationId, (1 + random.nextInt(200)) + " " + pick(random, STREETS),
                            town.name(), town.county(), postcode, "GB", "physical");
                    postcodes.row(postcode, String.format(Locale.ROOT, "%.6f", latitude), String.format(Locale.ROOT, "%.6f", longitude));
                    int features = random.nextInt(3);
                    for (int f = 0; f < features; f++) {
                        files.get("accessibility").row(uuid(seed, "accessibility:" + i, f), locationId, pick(random, FEATURES), "");
                    }
                }
                files.get("sal").row(uuid(seed, "sal", i), id, locationId);
                boolean monthly = random.nextInt(6) == 0;
                int start = activity.outdoor() ? 9 + random.nextInt(3) : 9 + random.nextInt(10);
                int days = 1 + (random.nextInt(4) == 0 ? 1 : 0);
                StringBuilder byday = new StringBuilder();
                int first = random.nextInt(DAYS.length);
                for (int d = 0; d < days; d++) {
                    byday.append(d == 0 ? "" : ",").append(monthly ? (1 + random.nextInt(4)) : "").append(DAYS[(first + 2 * d) % DAYS.length]);
                }
                files.get("schedules").row(uuid(seed, "schedule", i), id, monthly ? "MONTHLY" : "WEEKLY", "1", byday.toString(),
                        String.format(Locale.ROOT, "%02d:00", start), String.format(Locale.ROOT, "%02d:%02d", start + 1 + random.nextInt(2),
                                random.nextBoolean() ? 0 : 30), "", phoneOnly ? "by phone" : "in person", "2025-01-01");
                boolean free = random.nextInt(4) != 0;
                files.get("costs").row(uuid(seed, "cost", i), id, free ? "Free" : "Per session", "GBP", free ? "0" : String.valueOf(1 + random.nextInt(6)),
                        free ? "" : "Concessions available");
                files.get("languages").row(uuid(seed, "language", i), id, "English", "en");
                if (random.nextInt(5) == 0) {
                    String[] lang = LANGUAGES[1 + random.nextInt(LANGUAGES.length - 1)];
                    files.get("languages").row(uuid(seed, "language2", i), id, lang[1], lang[0]);
                }
                // a telephone service covers its town: the area is a shape, so a search by postcode finds it
                files.get("areas").row(uuid(seed, "area", i), id, town.name(), phoneOnly ? "geojson" : "text",
                        phoneOnly ? townArea(town) : town.name() + " and surrounding area");
                String contactId = uuid(seed, "contact", i);
                files.get("contacts").row(contactId, id, "Activity coordinator", "Coordinator", "contact" + i + "@example.org");
                files.get("phones").row(uuid(seed, "phone", i), id, contactId, String.format(Locale.ROOT, "0113 %03d %04d", random.nextInt(1000),
                        random.nextInt(10000)), "voice");
                List<String> terms = new ArrayList<>();
                terms.add(LinkworkTaxonomy.ACTIVITIES.termId(activity.code()));
                for (String need : activity.needs()) {
                    terms.add(LinkworkTaxonomy.NEEDS.termId(need));
                }
                terms.add(LinkworkTaxonomy.SETTINGS.termId(activity.setting()));
                if (random.nextInt(3) == 0) {
                    terms.add(LinkworkTaxonomy.ACCESSIBILITY.termId(pick(random, FEATURES)));
                }
                if (random.nextInt(12) == 0) {
                    terms.add(LinkworkTaxonomy.CONDITIONS.termId(pick(random, CONDITIONS)));
                }
                if (phoneOnly) {
                    terms.add(LinkworkTaxonomy.DELIVERY.termId("telephone"));
                }
                for (String term : terms.stream().distinct().toList()) {
                    files.get("attributes").row(uuid(seed, "attribute:" + i, term.hashCode()), id, term, "", "service");
                }
            }
        } finally {
            for (Csv csv : files.values()) {
                csv.close();
            }
            postcodes.close();
        }
    }

    /** An octagon about 13 km north to south around the town's centre, as a GeoJSON Polygon. */
    static String townArea(Town town) {
        StringBuilder ring = new StringBuilder();
        for (int k = 0; k <= 8; k++) {
            double angle = Math.PI / 4 * (k % 8);
            ring.append(k == 0 ? "" : ",").append(String.format(Locale.ROOT, "[%.5f,%.5f]", town.longitude() + 0.2 * Math.cos(angle),
                    town.latitude() + 0.12 * Math.sin(angle)));
        }
        return "{\"type\":\"Polygon\",\"coordinates\":[[" + ring + "]]}";
    }

    private static String uuid(long seed, String kind, int n) {
        return UUID.nameUUIDFromBytes((seed + ":" + kind + ":" + n).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String str(Integer n) {
        return n == null ? "" : n.toString();
    }

    /** A CSV file written row by row, quoting where needed. */
    static final class Csv implements AutoCloseable {
        private final Writer out;

        Csv(Path file, String... header) throws IOException {
            out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
            row(header);
        }

        void row(String... values) throws IOException {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                String v = values[i] == null ? "" : values[i];
                if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0) {
                    out.write('"');
                    out.write(v.replace("\"", "\"\""));
                    out.write('"');
                } else {
                    out.write(v);
                }
            }
            out.write('\n');
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
