package org.linkwork.directory.bulk;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.linkwork.directory.entry.Jdbc;
import org.linkwork.directory.hsds.HsdsService;
import org.linkwork.platform.problem.ProblemMappers;
import org.postgresql.PGConnection;

/**
 * The HSDS tabular data package (one CSV per table, from a zip or a folder), imported without
 * holding it in memory: each CSV is streamed into an unlogged staging table with PostgreSQL COPY as
 * it is read, then services are assembled from the staging tables a batch at a time, joined by
 * their ids. A nested row that cannot be read is reported and left out; the service still lands.
 * The staging tables are dropped when the import ends.
 */
final class CsvPackage implements AutoCloseable {

    /** File name → staging name, for the HSDS tables the directory keeps (service_capacity.csv is HSDS 3.1's). */
    static final Map<String, String> FILES = Map.ofEntries(
            Map.entry("organizations.csv", "organizations"), Map.entry("services.csv", "services"),
            Map.entry("locations.csv", "locations"), Map.entry("addresses.csv", "addresses"),
            Map.entry("service_at_location.csv", "service_at_locations"), Map.entry("service_at_locations.csv", "service_at_locations"),
            Map.entry("schedules.csv", "schedules"), Map.entry("cost_options.csv", "cost_options"),
            Map.entry("languages.csv", "languages"), Map.entry("service_areas.csv", "service_areas"),
            Map.entry("contacts.csv", "contacts"), Map.entry("phones.csv", "phones"), Map.entry("accessibility.csv", "accessibility"),
            Map.entry("attributes.csv", "attributes"), Map.entry("taxonomies.csv", "taxonomies"),
            Map.entry("taxonomy_terms.csv", "taxonomy_terms"), Map.entry("service_capacity.csv", "service_capacity"));
    private static final Pattern COLUMN = Pattern.compile("^[a-z][a-z0-9_]{0,62}$");

    private final Connection connection;
    private final Validator validator;
    private final String prefix = "import_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "_";
    private final Map<String, String> fileOf = new HashMap<>();
    private final Map<String, Set<String>> columns = new HashMap<>();
    final List<ImportReport.Rejection> fileProblems = new ArrayList<>();

    /** @param connection a connection of its own, outside any transaction (autocommit), for staging and reading */
    CsvPackage(Connection connection, Validator validator) {
        this.connection = connection;
        this.validator = validator;
    }

    boolean has(String table) {
        return columns.containsKey(table);
    }

    /** Streams one CSV of the package into its staging table; other files are passed over. */
    void stage(String fileName, InputStream in) throws IOException, SQLException {
        String table = FILES.get(fileName.toLowerCase(Locale.ROOT));
        if (table == null) {
            return;
        }
        if (has(table)) {
            fileProblems.add(new ImportReport.Rejection(fileName, null, null, null, "the package holds " + table + " twice; the second is ignored"));
            return;
        }
        BufferedInputStream body = new BufferedInputStream(in, 1 << 16);
        List<String> header = header(body);
        Set<String> names = new LinkedHashSet<>();
        for (String h : header) {
            String name = h.strip().toLowerCase(Locale.ROOT);
            if (!COLUMN.matcher(name).matches() || !names.add(name)) {
                fileProblems.add(new ImportReport.Rejection(fileName, 0L, null, h, "not a usable column name (or a repeated one); the file is ignored"));
                return;
            }
        }
        if (!names.contains("id")) {
            fileProblems.add(new ImportReport.Rejection(fileName, 0L, null, "id", "the file has no id column; it is ignored"));
            return;
        }
        String quoted = String.join(", ", names.stream().map(n -> "\"" + n + "\"").toList());
        try (Statement s = connection.createStatement()) {
            s.execute("create unlogged table " + prefix + table + " (row_no bigint generated always as identity, "
                    + String.join(", ", names.stream().map(n -> "\"" + n + "\" text").toList()) + ")");
        }
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "copy " + prefix + table + " (" + quoted + ") from stdin with (format csv, header true, encoding 'UTF8')", body);
        } catch (org.postgresql.util.PSQLException e) {
            // not CSV (an unterminated quote, too many fields, not UTF-8): the file is reported and left out
            var server = e.getServerErrorMessage();
            String where = server == null || server.getWhere() == null ? "" : " (" + server.getWhere().replaceAll("^COPY [^,]+, ", "") + ")";
            fileProblems.add(new ImportReport.Rejection(fileName, null, null, null,
                    "not a valid CSV file: " + (server == null ? "unreadable" : server.getMessage()) + where + "; the file is ignored"));
            try (Statement s = connection.createStatement()) {
                s.execute("drop table if exists " + prefix + table);
            }
            return;
        }
        for (String key : List.of("id", "service_id", "location_id", "contact_id", "link_id", "service_at_location_id", "organization_id")) {
            if (names.contains(key)) {
                try (Statement s = connection.createStatement()) {
                    s.execute("create index on " + prefix + table + " (\"" + key + "\")");
                }
            }
        }
        try (Statement s = connection.createStatement()) {
            s.execute("analyze " + prefix + table);
        }
        columns.put(table, names);
        fileOf.put(table, fileName);
    }

    /** Reads the header line and rewinds, so COPY sees the whole file. A byte-order mark is passed over. */
    private static List<String> header(BufferedInputStream in) throws IOException {
        in.mark(1 << 16);
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
            line.write(b);
        }
        in.reset();
        String text = line.toString(StandardCharsets.UTF_8).replace("\uFEFF", "").replace("\r", "");
        List<String> fields = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : text.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        fields.add(current.toString());
        return fields;
    }

    /** Taxonomies and terms of the package, a page at a time. */
    void eachTaxonomy(java.util.function.Consumer<List<Row>> page) throws SQLException {
        eachPage("taxonomies", page);
    }

    void eachTerm(java.util.function.Consumer<List<Row>> page) throws SQLException {
        eachPage("taxonomy_terms", page);
    }

    private void eachPage(String table, java.util.function.Consumer<List<Row>> page) throws SQLException {
        if (!has(table)) {
            return;
        }
        long after = 0;
        while (true) {
            List<Row> rows = rows("select * from " + prefix + table + " where row_no > ? order by row_no limit 1000", table, after);
            if (rows.isEmpty()) {
                return;
            }
            page.accept(rows);
            after = rows.get(rows.size() - 1).number;
        }
    }

    /** The package's services, assembled a batch at a time. */
    Iterator<Candidate> services(int batchSize) {
        return new Iterator<>() {
            private long after = 0;
            private Iterator<Candidate> current = List.<Candidate>of().iterator();
            private boolean done = !has("services");

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && !done) {
                    try {
                        List<Row> rows = rows("select * from " + prefix + "services where row_no > ? order by row_no limit " + batchSize,
                                "services", after);
                        if (rows.isEmpty()) {
                            done = true;
                        } else {
                            after = rows.get(rows.size() - 1).number;
                            current = assemble(rows).iterator();
                        }
                    } catch (SQLException e) {
                        throw Jdbc.failed(e);
                    }
                }
                return current.hasNext();
            }

            @Override
            public Candidate next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }

    /** Nested rows whose service (or location) is not in the package: reported, never landed. */
    List<ImportReport.Rejection> orphans(int limit) throws SQLException {
        List<ImportReport.Rejection> orphans = new ArrayList<>();
        for (String table : List.of("schedules", "cost_options", "languages", "service_areas", "contacts", "service_at_locations",
                "service_capacity")) {
            if (!has(table) || !columns.get(table).contains("service_id")) {
                continue;
            }
            String services = has("services") ? "select id from " + prefix + "services" : "select null::text where false";
            for (Row r : rows("select * from " + prefix + table + " t where t.service_id is not null and t.service_id not in (" + services
                    + ") and row_no > ? order by row_no limit " + limit, table, 0)) {
                orphans.add(new ImportReport.Rejection(fileOf.get(table), r.number, r.get("id"), "service_id",
                        "no service " + r.get("service_id") + " in services.csv"));
            }
        }
        return orphans;
    }

    private List<Candidate> assemble(List<Row> serviceRows) throws SQLException {
        List<String> ids = serviceRows.stream().map(r -> r.get("id")).filter(id -> id != null).toList();
        Map<String, List<ImportReport.Rejection>> problems = new HashMap<>();
        Function<String, List<ImportReport.Rejection>> of = id -> problems.computeIfAbsent(id, k -> new ArrayList<>());

        Map<String, HsdsService.Organization> orgs = new HashMap<>();
        List<String> orgIds = serviceRows.stream().map(r -> r.get("organization_id")).filter(id -> id != null).distinct().toList();
        if (has("organizations")) {
            for (Row r : byColumn("organizations", "id", orgIds)) {
                orgs.putIfAbsent(r.get("id"), new HsdsService.Organization(r.get("id"), r.get("name"), r.getOr("description", ""),
                        r.get("email"), r.get("website"), r.get("uri"), r.get("logo")));
            }
        }
        List<String> missingOrgs = orgIds.stream().filter(id -> !orgs.containsKey(id)).toList();
        if (!missingOrgs.isEmpty()) {
            // an update may name an organisation that is already in the directory
            try (PreparedStatement ps = connection.prepareStatement("select * from organization where id = any(?)")) {
                ps.setArray(1, Jdbc.textArray(connection, missingOrgs));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        orgs.put(rs.getString("id"), new HsdsService.Organization(rs.getString("id"), rs.getString("name"),
                                rs.getString("description"), rs.getString("email"), rs.getString("website"), rs.getString("uri"),
                                rs.getString("logo")));
                    }
                }
            }
        }

        // service at locations, their locations, addresses and accessibility
        Map<String, List<HsdsService.ServiceAtLocation>> sals = new HashMap<>();
        Map<String, String> salService = new HashMap<>();
        if (has("service_at_locations")) {
            List<Row> salRows = byColumn("service_at_locations", "service_id", ids);
            List<String> locationIds = salRows.stream().map(r -> r.get("location_id")).filter(id -> id != null).distinct().toList();
            Map<String, Row> locations = new HashMap<>();
            if (has("locations")) {
                byColumn("locations", "id", locationIds).forEach(r -> locations.putIfAbsent(r.get("id"), r));
            }
            Map<String, Row> addresses = new HashMap<>();
            if (has("addresses")) {
                for (Row r : byColumn("addresses", "location_id", locationIds)) {
                    String type = r.get("address_type");
                    if (type == null || type.equalsIgnoreCase("physical")) {
                        addresses.putIfAbsent(r.get("location_id"), r);
                    }
                }
            }
            Map<String, List<HsdsService.Accessibility>> access = new HashMap<>();
            if (has("accessibility")) {
                for (Row r : byColumn("accessibility", "location_id", locationIds)) {
                    HsdsService.Accessibility a = new HsdsService.Accessibility(r.get("id"), r.get("location_id"), r.get("description"),
                            r.get("details"), r.get("url"));
                    if (valid(a, r, "accessibility", null, null)) {
                        access.computeIfAbsent(r.get("location_id"), k -> new ArrayList<>()).add(a);
                    }
                }
            }
            for (Row r : salRows) {
                String serviceId = r.get("service_id");
                Row l = locations.get(r.get("location_id"));
                if (l == null) {
                    of.apply(serviceId).add(new ImportReport.Rejection(fileOf.get("service_at_locations"), r.number, r.get("id"),
                            "location_id", "no location " + r.get("location_id") + " in locations.csv"));
                    continue;
                }
                try {
                    Row a = addresses.get(l.get("id"));
                    List<HsdsService.Address> address = a == null ? List.of() : List.of(new HsdsService.Address(a.get("id"), l.get("id"),
                            a.get("attention"), a.get("address_1"), a.get("address_2"), a.get("city"), a.get("region"),
                            a.getOr("state_province", ""), a.get("postal_code"), a.getOr("country", "GB").toUpperCase(Locale.ROOT),
                            "physical"));
                    HsdsService.Location location = new HsdsService.Location(l.get("id"), HsdsService.LocationType.valueOf(
                            l.getOr("location_type", "physical").toLowerCase(Locale.ROOT)), null, l.get("name"), l.get("alternate_name"),
                            l.get("description"), l.get("url"), l.decimal("latitude"), l.decimal("longitude"), l.get("external_identifier"),
                            l.get("external_identifier_type"), address, access.getOrDefault(l.get("id"), List.of()));
                    HsdsService.ServiceAtLocation sal = new HsdsService.ServiceAtLocation(r.get("id"), serviceId, l.get("id"),
                            r.get("description"), location);
                    if (valid(sal, r, "service_at_locations", serviceId, of)) {
                        sals.computeIfAbsent(serviceId, k -> new ArrayList<>()).add(sal);
                        salService.put(r.get("id"), serviceId);
                    }
                } catch (BadValue | IllegalArgumentException e) {
                    of.apply(serviceId).add(rejection("locations", l, e));
                }
            }
        }

        Map<String, List<HsdsService.Schedule>> schedules = new HashMap<>();
        if (has("schedules")) {
            List<Row> rows = new ArrayList<>(byColumn("schedules", "service_id", ids));
            if (columns.get("schedules").contains("service_at_location_id") && !salService.isEmpty()) {
                rows.addAll(rows("select * from " + prefix + "schedules where service_id is null and service_at_location_id = any(?)"
                        + " and row_no > ? order by row_no", "schedules", 0, List.copyOf(salService.keySet())));
            }
            for (Row r : rows) {
                String serviceId = r.get("service_id") != null ? r.get("service_id") : salService.get(r.get("service_at_location_id"));
                try {
                    HsdsService.Schedule s = new HsdsService.Schedule(r.get("id"), serviceId, r.get("service_at_location_id"),
                            r.date("valid_from"), r.date("valid_to"), r.date("dtstart"), r.date("until"), r.integer("count"), r.get("wkst"),
                            r.get("freq"), r.integer("interval"), r.get("byday"), r.get("bymonthday"), r.get("description"),
                            r.get("opens_at"), r.get("closes_at"), r.get("schedule_link"), r.get("attending_type"), r.get("notes"));
                    if (valid(s, r, "schedules", serviceId, of)) {
                        schedules.computeIfAbsent(serviceId, k -> new ArrayList<>()).add(s);
                    }
                } catch (BadValue e) {
                    of.apply(serviceId).add(rejection("schedules", r, e));
                }
            }
        }
        Map<String, List<HsdsService.CostOption>> costs = new HashMap<>();
        for (Row r : has("cost_options") ? byColumn("cost_options", "service_id", ids) : List.<Row>of()) {
            try {
                HsdsService.CostOption c = new HsdsService.CostOption(r.get("id"), r.get("service_id"), r.date("valid_from"),
                        r.date("valid_to"), r.get("option"), r.get("currency"), r.bigDecimal("amount"), r.get("amount_description"));
                if (valid(c, r, "cost_options", r.get("service_id"), of)) {
                    costs.computeIfAbsent(r.get("service_id"), k -> new ArrayList<>()).add(c);
                }
            } catch (BadValue e) {
                of.apply(r.get("service_id")).add(rejection("cost_options", r, e));
            }
        }
        Map<String, List<HsdsService.Language>> languages = new HashMap<>();
        for (Row r : has("languages") ? byColumn("languages", "service_id", ids) : List.<Row>of()) {
            HsdsService.Language l = new HsdsService.Language(r.get("id"), r.get("service_id"), r.get("name"), r.get("code"), r.get("note"));
            if (valid(l, r, "languages", r.get("service_id"), of)) {
                languages.computeIfAbsent(r.get("service_id"), k -> new ArrayList<>()).add(l);
            }
        }
        Map<String, List<HsdsService.ServiceArea>> areas = new HashMap<>();
        for (Row r : has("service_areas") ? byColumn("service_areas", "service_id", ids) : List.<Row>of()) {
            HsdsService.ServiceArea a = new HsdsService.ServiceArea(r.get("id"), r.get("service_id"), r.get("name"), r.get("description"),
                    r.get("extent"), r.get("extent_type"), r.get("uri"));
            if (valid(a, r, "service_areas", r.get("service_id"), of)) {
                areas.computeIfAbsent(r.get("service_id"), k -> new ArrayList<>()).add(a);
            }
        }
        Map<String, List<Row>> contactRows = new LinkedHashMap<>();
        Map<String, String> contactService = new HashMap<>();
        for (Row r : has("contacts") ? byColumn("contacts", "service_id", ids) : List.<Row>of()) {
            contactRows.computeIfAbsent(r.get("service_id"), k -> new ArrayList<>()).add(r);
            contactService.put(r.get("id"), r.get("service_id"));
        }
        Map<String, List<HsdsService.Phone>> servicePhones = new HashMap<>();
        Map<String, List<HsdsService.Phone>> contactPhones = new HashMap<>();
        if (has("phones")) {
            List<Row> rows = new ArrayList<>(byColumn("phones", "service_id", ids));
            if (columns.get("phones").contains("contact_id") && !contactService.isEmpty()) {
                rows.addAll(rows("select * from " + prefix + "phones where service_id is null and contact_id = any(?) and row_no > ?"
                        + " order by row_no", "phones", 0, List.copyOf(contactService.keySet())));
            }
            for (Row r : rows) {
                String contactId = r.get("contact_id");
                String serviceId = r.get("service_id") != null ? r.get("service_id") : contactService.get(contactId);
                HsdsService.Phone p = new HsdsService.Phone(r.get("id"), serviceId, contactId, r.get("number"), r.get("extension"),
                        r.get("type"), r.get("description"));
                if (valid(p, r, "phones", serviceId, of)) {
                    if (contactId != null && contactService.containsKey(contactId)) {
                        contactPhones.computeIfAbsent(contactId, k -> new ArrayList<>()).add(p);
                    } else {
                        servicePhones.computeIfAbsent(serviceId, k -> new ArrayList<>()).add(new HsdsService.Phone(p.id(), serviceId, null,
                                p.number(), p.extension(), p.type(), p.description()));
                    }
                }
            }
        }
        Map<String, List<HsdsService.Contact>> contacts = new HashMap<>();
        contactRows.forEach((serviceId, rows) -> {
            for (Row r : rows) {
                HsdsService.Contact c = new HsdsService.Contact(r.get("id"), serviceId, r.get("name"), r.get("title"), r.get("department"),
                        r.get("email"), contactPhones.getOrDefault(r.get("id"), List.of()));
                if (valid(c, r, "contacts", serviceId, of)) {
                    contacts.computeIfAbsent(serviceId, k -> new ArrayList<>()).add(c);
                }
            }
        });
        Map<String, List<HsdsService.Attribute>> attributes = new HashMap<>();
        if (has("attributes") && columns.get("attributes").contains("link_id")) {
            for (Row r : byColumn("attributes", "link_id", ids)) {
                String entity = r.get("link_entity");
                if (entity != null && !entity.equalsIgnoreCase("service")) {
                    continue;
                }
                attributes.computeIfAbsent(r.get("link_id"), k -> new ArrayList<>()).add(new HsdsService.Attribute(r.get("id"),
                        r.get("link_id"), r.get("link_type"), "service", r.get("taxonomy_term_id"), r.get("value"), null));
            }
        }
        Map<String, Row> capacity = new HashMap<>();
        for (Row r : has("service_capacity") ? byColumn("service_capacity", "service_id", ids) : List.<Row>of()) {
            capacity.putIfAbsent(r.get("service_id"), r);
        }

        List<Candidate> candidates = new ArrayList<>();
        for (Row r : serviceRows) {
            String id = r.get("id");
            List<ImportReport.Rejection> rejections = new ArrayList<>(id == null ? List.of() : problems.getOrDefault(id, List.of()));
            HsdsService.Organization org = orgs.get(r.get("organization_id"));
            if (id == null || org == null) {
                rejections.add(new ImportReport.Rejection(fileOf.get("services"), r.number, id, id == null ? "id" : "organization_id",
                        id == null ? "required" : "no organization " + r.get("organization_id") + " in organizations.csv or the directory"));
                candidates.add(new Candidate(null, fileOf.get("services"), r.number, id, rejections));
                continue;
            }
            try {
                Row cap = capacity.get(id);
                HsdsService s = new HsdsService(id, r.get("organization_id"), r.get("name"), r.get("alternate_name"), r.get("description"),
                        r.get("url"), r.get("email"), status(r.get("status")), r.get("interpretation_services"),
                        r.get("application_process"), r.get("fees_description"), r.get("wait_time"), r.get("accreditations"),
                        r.get("eligibility_description"), r.integer("minimum_age"), r.integer("maximum_age"), r.date("assured_date"),
                        r.get("assurer_email"), r.get("alert"), null, cap == null ? null : cap.integer("available"),
                        cap == null ? null : cap.integer("maximum"), org, sals.get(id), schedules.get(id), costs.get(id),
                        languages.get(id), areas.get(id), contacts.get(id), servicePhones.get(id), attributes.get(id));
                candidates.add(new Candidate(s, fileOf.get("services"), r.number, id, rejections));
            } catch (BadValue e) {
                rejections.add(rejection("services", r, e));
                candidates.add(new Candidate(null, fileOf.get("services"), r.number, id, rejections));
            }
        }
        return candidates;
    }

    private static HsdsService.Status status(String raw) {
        if (raw == null) {
            throw new BadValue("status", "required");
        }
        try {
            return HsdsService.Status.of(raw);
        } catch (IllegalArgumentException e) {
            throw new BadValue("status", "active, inactive, defunct or temporarily closed");
        }
    }

    /** A nested row passes its own field checks, or is reported and left out. */
    private <T> boolean valid(T value, Row r, String table, String serviceId, Function<String, List<ImportReport.Rejection>> of) {
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (violations.isEmpty()) {
            return true;
        }
        if (of != null) {
            for (ConstraintViolation<T> v : violations) {
                of.apply(serviceId).add(new ImportReport.Rejection(fileOf.get(table), r.number, r.get("id"), ProblemMappers.fieldOf(v),
                        v.getMessage()));
            }
        }
        return false;
    }

    private ImportReport.Rejection rejection(String table, Row r, RuntimeException e) {
        String field = e instanceof BadValue b ? b.field : null;
        return new ImportReport.Rejection(fileOf.get(table), r.number, r.get("id"), field,
                e instanceof BadValue b ? b.getMessage() : "not a valid value");
    }

    private List<Row> byColumn(String table, String column, List<String> values) throws SQLException {
        if (!columns.get(table).contains(column) || values.isEmpty()) {
            return List.of();
        }
        return rows("select * from " + prefix + table + " where \"" + column + "\" = any(?) and row_no > ? order by row_no", table, 0,
                values);
    }

    private List<Row> rows(String sql, String table, long after) throws SQLException {
        return rows(sql, table, after, null);
    }

    private List<Row> rows(String sql, String table, long after, List<String> values) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            int i = 1;
            if (values != null) {
                ps.setArray(i++, Jdbc.textArray(connection, values));
            }
            ps.setLong(i, after);
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    Map<String, String> values1 = new HashMap<>();
                    for (int c = 2; c <= meta.getColumnCount(); c++) {
                        String v = rs.getString(c);
                        if (v != null && !v.isBlank()) {
                            values1.put(meta.getColumnName(c), v.strip());
                        }
                    }
                    rows.add(new Row(rs.getLong("row_no"), values1));
                }
            }
        }
        return rows;
    }

    @Override
    public void close() {
        for (String table : columns.keySet()) {
            try (Statement s = connection.createStatement()) {
                s.execute("drop table if exists " + prefix + table);
            } catch (SQLException e) {
                // best effort: a left-over unlogged staging table is harmless and named by its import
            }
        }
    }

    /** A staged row: text values by column, blanks left out. */
    static final class Row {
        final long number;
        private final Map<String, String> values;

        Row(long number, Map<String, String> values) {
            this.number = number;
            this.values = values;
        }

        String get(String column) {
            return values.get(column);
        }

        String getOr(String column, String fallback) {
            return values.getOrDefault(column, fallback);
        }

        Integer integer(String column) {
            String v = get(column);
            if (v == null) {
                return null;
            }
            try {
                return new BigDecimal(v).intValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                throw new BadValue(column, "a whole number");
            }
        }

        Double decimal(String column) {
            String v = get(column);
            try {
                return v == null ? null : Double.valueOf(v);
            } catch (NumberFormatException e) {
                throw new BadValue(column, "a number");
            }
        }

        BigDecimal bigDecimal(String column) {
            String v = get(column);
            try {
                return v == null ? null : new BigDecimal(v);
            } catch (NumberFormatException e) {
                throw new BadValue(column, "a number");
            }
        }

        LocalDate date(String column) {
            String v = get(column);
            try {
                return v == null ? null : LocalDate.parse(v.length() > 10 ? v.substring(0, 10) : v);
            } catch (DateTimeParseException e) {
                throw new BadValue(column, "a date YYYY-MM-DD");
            }
        }
    }

    /** A CSV value that is not of its column's type. */
    static final class BadValue extends RuntimeException {
        final String field;

        BadValue(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }
    }

}
