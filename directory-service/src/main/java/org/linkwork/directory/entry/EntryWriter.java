package org.linkwork.directory.entry;

import static org.linkwork.directory.entry.Facets.nullToEmpty;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.linkwork.directory.area.GeoJsonExtent;
import org.linkwork.directory.hsds.HsdsService;
import org.linkwork.directory.hsds.HsdsService.Accessibility;
import org.linkwork.directory.hsds.HsdsService.Address;
import org.linkwork.directory.hsds.HsdsService.Location;
import org.linkwork.platform.problem.Problem.FieldError;

/**
 * Writes services with everything nested in them, many at a time, over one JDBC connection of the
 * caller's transaction. A service is replaced as a whole: its nested rows are deleted and written
 * again, in batched statements, so a PUT and a 100k-service import take the same path.
 */
public final class EntryWriter {

    /** What is stored for a service before the write, read under a row lock. */
    public record Stored(String id, String organizationId, String contentHash, long version) {
    }

    /** What a write did to one service. */
    public enum Change { CREATED, UPDATED, UNCHANGED }

    public record Written(Entry entry, Change change, long version) {
    }

    /** Organisations and locations whose published details changed: services that use them need a new snapshot. */
    public record Ripples(Set<String> organizationIds, Set<String> locationIds) {
    }

    private final Connection c;

    public EntryWriter(Connection c) {
        this.c = c;
    }

    /** Locks and reads the stored services of these ids. */
    public Map<String, Stored> lockStored(Collection<String> ids) throws SQLException {
        Map<String, Stored> stored = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select id, organization_id, content_hash, version from service where id = any(?) for update")) {
            ps.setArray(1, Jdbc.textArray(c, ids));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    stored.put(rs.getString(1), new Stored(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)));
                }
            }
        }
        return stored;
    }

    /**
     * Field errors for nested ids another service already uses and for locations of another
     * organisation; within the batch, a later service cannot take what an earlier one holds.
     */
    public Map<String, List<FieldError>> conflicts(List<Entry> entries) throws SQLException {
        Map<String, List<FieldError>> errors = new LinkedHashMap<>();
        Map<String, Map<String, String>> claimed = new HashMap<>(); // table -> child id -> service id
        String[] tables = {"service_at_location", "schedule", "cost_option", "language", "service_area", "contact", "phone"};
        for (String table : tables) {
            List<String> ids = new ArrayList<>();
            entries.forEach(e -> ids.addAll(childIds(e.service(), table)));
            claimed.put(table, owners(table, "service_id", ids));
        }
        List<String> locationIds = new ArrayList<>();
        entries.forEach(e -> nullToEmpty(e.service().serviceAtLocations()).forEach(s -> locationIds.add(s.location().id())));
        Map<String, String> locationOwners = owners("location", "organization_id", locationIds);
        for (Entry e : entries) {
            List<FieldError> mine = new ArrayList<>();
            for (String table : tables) {
                Map<String, String> owner = claimed.get(table);
                for (String id : childIds(e.service(), table)) {
                    String holder = owner.putIfAbsent(id, e.id());
                    if (holder != null && !holder.equals(e.id())) {
                        mine.add(new FieldError(listName(table) + ".id", "id " + id + " is already used by another service"));
                    }
                }
            }
            List<HsdsService.ServiceAtLocation> sals = nullToEmpty(e.service().serviceAtLocations());
            for (int i = 0; i < sals.size(); i++) {
                String locationId = sals.get(i).location().id();
                String holder = locationOwners.putIfAbsent(locationId, e.organizationId());
                if (holder != null && !holder.isEmpty() && !holder.equals(e.organizationId())) {
                    mine.add(new FieldError("service_at_locations[" + i + "].location.id", "belongs to another organisation"));
                }
            }
            if (!mine.isEmpty()) {
                errors.put(e.id(), mine);
            }
        }
        return errors;
    }

    /**
     * Writes the entries whose content differs from what is stored (all of them when new), and
     * returns what happened to each, in order. The caller has locked the stored rows and checked
     * ownership and {@link #conflicts}.
     */
    public List<Written> write(List<Entry> entries, Map<String, Stored> stored, Instant now, Ripples ripples) throws SQLException {
        List<Written> written = new ArrayList<>();
        List<Entry> changed = new ArrayList<>();
        for (Entry e : entries) {
            Stored s = stored.get(e.id());
            if (s != null && e.contentHash().equals(s.contentHash())) {
                written.add(new Written(e, Change.UNCHANGED, s.version()));
            } else {
                written.add(new Written(e, s == null ? Change.CREATED : Change.UPDATED, s == null ? 1 : s.version() + 1));
                changed.add(e);
            }
        }
        if (changed.isEmpty()) {
            return written;
        }
        writeOrganizations(changed, now, ripples);
        writeLocations(changed, now, ripples);
        // only services stored before have nested rows to replace; a first import of 100k skips these deletes
        List<String> ids = changed.stream().map(Entry::id).filter(stored::containsKey).toList();
        for (String table : ids.isEmpty() ? List.<String>of() : List.of("service_session", "schedule", "cost_option", "language",
                "service_area_shape", "service_area", "phone", "contact", "attribute", "service_at_location")) {
            try (PreparedStatement ps = c.prepareStatement("delete from " + table + " where service_id = any(?)")) {
                ps.setArray(1, Jdbc.textArray(c, ids));
                ps.executeUpdate();
            }
        }
        writeServices(changed, now);
        writeChildren(changed);
        return written;
    }

    /** Writes an organisation on its own (created or changed); services that name it are the caller's to rewrite. */
    public void writeOrganization(HsdsService.Organization o, Instant now, Ripples ripples) throws SQLException {
        writeOrganizations(Map.of(o.id(), o), now, ripples);
    }

    /** Writes a location on its own, with its address and accessibility. */
    public void writeLocation(Location l, Instant now, Ripples ripples) throws SQLException {
        writeLocations(Map.of(l.id(), l), now, ripples);
    }

    private void writeOrganizations(List<Entry> entries, Instant now, Ripples ripples) throws SQLException {
        Map<String, HsdsService.Organization> orgs = new LinkedHashMap<>();
        entries.forEach(e -> orgs.put(e.organizationId(), e.service().organization()));
        writeOrganizations(orgs, now, ripples);
    }

    private void writeOrganizations(Map<String, HsdsService.Organization> orgs, Instant now, Ripples ripples) throws SQLException {
        Map<String, String> names = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select id, name from organization where id = any(?)")) {
            ps.setArray(1, Jdbc.textArray(c, orgs.keySet()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("""
                insert into organization (id, name, description, email, website, uri, logo, version, last_modified)
                values (?, ?, ?, ?, ?, ?, ?, 1, ?)
                on conflict (id) do update set name = excluded.name, description = excluded.description, email = excluded.email,
                    website = excluded.website, uri = excluded.uri, logo = excluded.logo,
                    version = organization.version + 1, last_modified = excluded.last_modified
                where (organization.name, organization.description, organization.email, organization.website, organization.uri,
                       organization.logo) is distinct from
                      (excluded.name, excluded.description, excluded.email, excluded.website, excluded.uri, excluded.logo)""")) {
            for (HsdsService.Organization o : orgs.values()) {
                Jdbc.setAll(ps, o.id(), o.name(), o.description(), o.email(), o.website(), o.uri(), o.logo(), now);
                ps.addBatch();
                if (names.containsKey(o.id()) && !names.get(o.id()).equals(o.name())) {
                    ripples.organizationIds().add(o.id());
                }
            }
            ps.executeBatch();
        }
    }

    private void writeLocations(List<Entry> entries, Instant now, Ripples ripples) throws SQLException {
        Map<String, Location> locations = new LinkedHashMap<>();
        entries.forEach(e -> nullToEmpty(e.service().serviceAtLocations()).forEach(s -> locations.put(s.location().id(), s.location())));
        writeLocations(locations, now, ripples);
    }

    private void writeLocations(Map<String, Location> locations, Instant now, Ripples ripples) throws SQLException {
        if (locations.isEmpty()) {
            return;
        }
        Map<String, List<Object>> before = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select id, name, postal_code, latitude, longitude, location_type from location where id = any(?)")) {
            ps.setArray(1, Jdbc.textArray(c, locations.keySet()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    before.put(rs.getString(1), java.util.Arrays.asList(rs.getString(2), rs.getString(3), Jdbc.decimal(rs, "latitude"),
                            Jdbc.decimal(rs, "longitude"), rs.getString(6)));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("""
                insert into location (id, organization_id, location_type, name, alternate_name, description, url, latitude, longitude,
                    external_identifier, external_identifier_type, address_id, attention, address_1, address_2, city, region,
                    state_province, postal_code, country, version, last_modified)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)
                on conflict (id) do update set organization_id = excluded.organization_id, location_type = excluded.location_type,
                    name = excluded.name, alternate_name = excluded.alternate_name, description = excluded.description,
                    url = excluded.url, latitude = excluded.latitude, longitude = excluded.longitude,
                    external_identifier = excluded.external_identifier, external_identifier_type = excluded.external_identifier_type,
                    address_id = excluded.address_id, attention = excluded.attention, address_1 = excluded.address_1,
                    address_2 = excluded.address_2, city = excluded.city, region = excluded.region,
                    state_province = excluded.state_province, postal_code = excluded.postal_code, country = excluded.country,
                    version = location.version + 1, last_modified = excluded.last_modified
                where (location.location_type, location.name, location.alternate_name, location.description, location.url,
                       location.latitude, location.longitude, location.external_identifier, location.external_identifier_type,
                       location.address_id, location.attention, location.address_1, location.address_2, location.city,
                       location.region, location.state_province, location.postal_code, location.country) is distinct from
                      (excluded.location_type, excluded.name, excluded.alternate_name, excluded.description, excluded.url,
                       excluded.latitude, excluded.longitude, excluded.external_identifier, excluded.external_identifier_type,
                       excluded.address_id, excluded.attention, excluded.address_1, excluded.address_2, excluded.city,
                       excluded.region, excluded.state_province, excluded.postal_code, excluded.country)""")) {
            for (Location l : locations.values()) {
                Address a = l.addresses() == null || l.addresses().isEmpty() ? null : l.addresses().get(0);
                Jdbc.setAll(ps, l.id(), l.organizationId(), l.locationType().name(), l.name(), l.alternateName(), l.description(),
                        l.url(), l.latitude(), l.longitude(), l.externalIdentifier(), l.externalIdentifierType(),
                        a == null ? null : a.id(), a == null ? null : a.attention(), a == null ? null : a.address1(),
                        a == null ? null : a.address2(), a == null ? null : a.city(), a == null ? null : a.region(),
                        a == null ? null : a.stateProvince(), a == null ? null : a.postalCode(), a == null ? null : a.country(), now);
                ps.addBatch();
                List<Object> old = before.get(l.id());
                if (old != null && !old.equals(java.util.Arrays.asList(l.name(), a == null ? null : a.postalCode(), l.latitude(),
                        l.longitude(), l.locationType().name()))) {
                    ripples.locationIds().add(l.id());
                }
            }
            ps.executeBatch();
        }
        if (!before.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("delete from accessibility where location_id = any(?)")) {
                ps.setArray(1, Jdbc.textArray(c, before.keySet()));
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "insert into accessibility (id, location_id, description, details, url) values (?, ?, ?, ?, ?)")) {
            for (Location l : locations.values()) {
                for (Accessibility x : nullToEmpty(l.accessibility())) {
                    Jdbc.setAll(ps, x.id(), l.id(), x.description(), x.details(), x.url());
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
    }

    private void writeServices(List<Entry> entries, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into service (id, organization_id, name, alternate_name, description, url, email, status,
                    interpretation_services, application_process, fees_description, wait_time, accreditations,
                    eligibility_description, minimum_age, maximum_age, assured_date, assurer_email, alert, places_available,
                    maximum_places, last_modified, version, content_hash, free, setting, need_codes, activity_codes, term_ids,
                    taxonomy_ids, accessibility_features, eligibility_conditions, delivery_modes, language_codes, search_vector)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                    setweight(to_tsvector('english', ?), 'A') || setweight(to_tsvector('english', ?), 'B')
                    || setweight(to_tsvector('english', ?), 'C'))
                on conflict (id) do update set organization_id = excluded.organization_id, name = excluded.name,
                    alternate_name = excluded.alternate_name, description = excluded.description, url = excluded.url,
                    email = excluded.email, status = excluded.status, interpretation_services = excluded.interpretation_services,
                    application_process = excluded.application_process, fees_description = excluded.fees_description,
                    wait_time = excluded.wait_time, accreditations = excluded.accreditations,
                    eligibility_description = excluded.eligibility_description, minimum_age = excluded.minimum_age,
                    maximum_age = excluded.maximum_age, assured_date = excluded.assured_date, assurer_email = excluded.assurer_email,
                    alert = excluded.alert, places_available = excluded.places_available, maximum_places = excluded.maximum_places,
                    last_modified = excluded.last_modified, version = service.version + 1, content_hash = excluded.content_hash,
                    free = excluded.free, setting = excluded.setting, need_codes = excluded.need_codes,
                    activity_codes = excluded.activity_codes, term_ids = excluded.term_ids, taxonomy_ids = excluded.taxonomy_ids,
                    accessibility_features = excluded.accessibility_features,
                    eligibility_conditions = excluded.eligibility_conditions, delivery_modes = excluded.delivery_modes,
                    language_codes = excluded.language_codes, search_vector = excluded.search_vector""")) {
            for (Entry e : entries) {
                HsdsService s = e.service();
                Facets f = e.facets();
                Jdbc.setAll(ps, s.id(), e.organizationId(), s.name(), s.alternateName(), s.description(), s.url(), s.email(),
                        s.status().code(), s.interpretationServices(), s.applicationProcess(), s.feesDescription(), s.waitTime(),
                        s.accreditations(), s.eligibilityDescription(), s.minimumAge(), s.maximumAge(), s.assuredDate(),
                        s.assurerEmail(), s.alert(), s.placesAvailable(), s.maximumPlaces(), now, e.contentHash(), f.free(),
                        f.setting());
                int i = 26;
                for (List<String> array : List.of(f.needCodes(), f.activityCodes(), f.termIds(), f.taxonomyIds(),
                        f.accessibilityFeatures(), f.conditions(), f.deliveryModes(), f.languageCodes())) {
                    ps.setArray(i++, Jdbc.textArray(c, array));
                }
                ps.setString(i++, f.primaryText());
                ps.setString(i++, f.secondaryText());
                ps.setString(i, f.otherText());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private void writeChildren(List<Entry> entries) throws SQLException {
        CopyRows sal = new CopyRows("service_at_location", "id, service_id, location_id, description");
        CopyRows attr = new CopyRows("attribute", "id, service_id, taxonomy_term_id, link_type, value");
        CopyRows sched = new CopyRows("schedule", "id, service_id, service_at_location_id, valid_from, valid_to, dtstart, until, count, wkst, "
                + "freq, interval, byday, bymonthday, description, opens_at, closes_at, schedule_link, attending_type, notes");
        CopyRows session = new CopyRows("service_session", "service_id, day, opens, closes, valid_from, valid_to");
        CopyRows cost = new CopyRows("cost_option", "id, service_id, valid_from, valid_to, option, currency, amount, amount_description");
        CopyRows lang = new CopyRows("language", "id, service_id, name, code, note");
        CopyRows area = new CopyRows("service_area", "id, service_id, name, description, extent, extent_type, uri");
        CopyRows shape = new CopyRows("service_area_shape", "service_id, service_area_id, shape, holes");
        CopyRows contact = new CopyRows("contact", "id, service_id, name, title, department, email");
        CopyRows phone = new CopyRows("phone", "id, service_id, contact_id, number, extension, type, description");
        for (Entry e : entries) {
            HsdsService s = e.service();
            String id = s.id();
            for (HsdsService.ServiceAtLocation x : nullToEmpty(s.serviceAtLocations())) {
                sal.add(x.id(), id, x.location().id(), x.description());
            }
            for (HsdsService.Attribute x : nullToEmpty(s.attributes())) {
                attr.add(x.id(), id, x.taxonomyTermId(), x.linkType(), x.value());
            }
            for (HsdsService.Schedule x : nullToEmpty(s.schedules())) {
                sched.add(x.id(), id, x.serviceAtLocationId(), x.validFrom(), x.validTo(), x.dtstart(), x.until(), x.count(), x.wkst(),
                        x.freq(), x.interval(), x.byday(), x.bymonthday(), x.description(), x.opensAt(), x.closesAt(), x.scheduleLink(),
                        x.attendingType(), x.notes());
            }
            for (Session x : e.facets().sessions()) {
                session.add(id, x.day(), x.opens(), x.closes(), x.validFrom(), x.validTo());
            }
            for (HsdsService.CostOption x : nullToEmpty(s.costOptions())) {
                cost.add(x.id(), id, x.validFrom(), x.validTo(), x.option(), x.currency(), x.amount(), x.amountDescription());
            }
            for (HsdsService.Language x : nullToEmpty(s.languages())) {
                lang.add(x.id(), id, x.name(), x.code(), x.note());
            }
            for (HsdsService.ServiceArea x : nullToEmpty(s.serviceAreas())) {
                area.add(x.id(), id, x.name(), x.description(), x.extent(), x.extentType(), x.uri());
                for (GeoJsonExtent.Polygon p : shapes(x)) {
                    shape.add(id, x.id(), GeoJsonExtent.pgPolygon(p.outer()), GeoJsonExtent.pgPolygons(p.holes()));
                }
            }
            for (HsdsService.Contact x : nullToEmpty(s.contacts())) {
                contact.add(x.id(), id, x.name(), x.title(), x.department(), x.email());
            }
            List<HsdsService.Phone> phones = new ArrayList<>(nullToEmpty(s.phones()));
            nullToEmpty(s.contacts()).forEach(x -> phones.addAll(nullToEmpty(x.phones())));
            for (HsdsService.Phone x : phones) {
                phone.add(x.id(), id, x.contactId(), x.number(), x.extension(), x.type(), x.description());
            }
        }
        // contacts before phones: a phone may name its contact
        for (CopyRows rows : List.of(sal, attr, sched, session, cost, lang, area, shape, contact, phone)) {
            rows.send(c);
        }
    }

    /** The polygons of a service area whose extent is GeoJSON (the rules have checked it), else none. */
    static List<GeoJsonExtent.Polygon> shapes(HsdsService.ServiceArea area) {
        if (!GeoJsonExtent.TYPE.equals(area.extentType())) {
            return List.of();
        }
        try {
            return GeoJsonExtent.polygons(area.extent());
        } catch (GeoJsonExtent.Invalid e) {
            throw new IllegalStateException("service area " + area.id() + " passed the rules with an unreadable extent", e);
        }
    }

    /** Ids of a service's nested rows of one table. */
    static List<String> childIds(HsdsService s, String table) {
        return switch (table) {
            case "service_at_location" -> nullToEmpty(s.serviceAtLocations()).stream().map(HsdsService.ServiceAtLocation::id).toList();
            case "schedule" -> nullToEmpty(s.schedules()).stream().map(HsdsService.Schedule::id).toList();
            case "cost_option" -> nullToEmpty(s.costOptions()).stream().map(HsdsService.CostOption::id).toList();
            case "language" -> nullToEmpty(s.languages()).stream().map(HsdsService.Language::id).toList();
            case "service_area" -> nullToEmpty(s.serviceAreas()).stream().map(HsdsService.ServiceArea::id).toList();
            case "contact" -> nullToEmpty(s.contacts()).stream().map(HsdsService.Contact::id).toList();
            case "phone" -> {
                List<String> ids = new ArrayList<>(nullToEmpty(s.phones()).stream().map(HsdsService.Phone::id).toList());
                nullToEmpty(s.contacts()).forEach(x -> nullToEmpty(x.phones()).forEach(p -> ids.add(p.id())));
                yield ids;
            }
            default -> throw new IllegalArgumentException(table);
        };
    }

    private static String listName(String table) {
        return switch (table) {
            case "service_at_location" -> "service_at_locations";
            case "schedule" -> "schedules";
            case "cost_option" -> "cost_options";
            case "language" -> "languages";
            case "service_area" -> "service_areas";
            case "contact" -> "contacts";
            default -> "phones";
        };
    }

    private Map<String, String> owners(String table, String ownerColumn, List<String> ids) throws SQLException {
        Map<String, String> owners = new HashMap<>();
        if (ids.isEmpty()) {
            return owners;
        }
        try (PreparedStatement ps = c.prepareStatement("select id, " + ownerColumn + " from " + table + " where id = any(?)")) {
            ps.setArray(1, Jdbc.textArray(c, new TreeSet<>(ids)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    owners.put(rs.getString(1), Objects.requireNonNullElse(rs.getString(2), ""));
                }
            }
        }
        return owners;
    }
}
