package org.linkwork.directory.entry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.linkwork.directory.hsds.HsdsService;
import org.linkwork.directory.taxonomy.Term;
import org.linkwork.directory.taxonomy.TermIndex;

/**
 * Reads services back in their HSDS form, many at a time: one query per nested table for the whole
 * set of ids, never one per service.
 */
public final class EntryReader {

    /** How much of a service to read: its one-to-one fields and organisation (ORUK lists), or everything. */
    public enum Shape { LIST, FULL }

    private final Connection c;
    private final TermIndex terms;

    public EntryReader(Connection c, TermIndex terms) {
        this.c = c;
        this.terms = terms;
    }

    /** The services of these ids that exist, in the order of the ids. */
    public List<HsdsService> read(List<String> ids, Shape shape) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, Builder> byId = new LinkedHashMap<>();
        ids.forEach(id -> byId.put(id, null));
        try (PreparedStatement ps = c.prepareStatement("""
                select s.*, o.name as o_name, o.description as o_description, o.email as o_email, o.website as o_website,
                       o.uri as o_uri, o.logo as o_logo
                from service s join organization o on o.id = s.organization_id where s.id = any(?)""")) {
            ps.setArray(1, Jdbc.textArray(c, byId.keySet()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byId.put(rs.getString("id"), new Builder(rs));
                }
            }
        }
        byId.values().removeIf(b -> b == null);
        if (shape == Shape.FULL && !byId.isEmpty()) {
            readChildren(byId);
        }
        return byId.values().stream().map(Builder::build).toList();
    }

    private void readChildren(Map<String, Builder> byId) throws SQLException {
        Collection<String> ids = byId.keySet();
        Map<String, HsdsService.Location> locations = new HashMap<>();
        Map<String, List<HsdsService.Accessibility>> access = new HashMap<>();
        query("""
                select a.* from accessibility a where a.location_id in
                    (select location_id from service_at_location where service_id = any(?)) order by a.id""", ids, rs ->
                access.computeIfAbsent(rs.getString("location_id"), k -> new ArrayList<>()).add(new HsdsService.Accessibility(
                        rs.getString("id"), rs.getString("location_id"), rs.getString("description"), rs.getString("details"),
                        rs.getString("url"))));
        query("""
                select sal.id as sal_id, sal.service_id, sal.description as sal_description, l.* from service_at_location sal
                join location l on l.id = sal.location_id where sal.service_id = any(?) order by sal.id""", ids, rs -> {
            String locationId = rs.getString("id");
            HsdsService.Location location = locations.computeIfAbsent(locationId, k -> {
                try {
                    return location(rs, access.getOrDefault(k, List.of()));
                } catch (SQLException e) {
                    throw Jdbc.failed(e);
                }
            });
            byId.get(rs.getString("service_id")).serviceAtLocations.add(new HsdsService.ServiceAtLocation(rs.getString("sal_id"),
                    rs.getString("service_id"), locationId, rs.getString("sal_description"), location));
        });
        query("select * from schedule where service_id = any(?) order by id", ids, rs -> byId.get(rs.getString("service_id")).schedules
                .add(new HsdsService.Schedule(rs.getString("id"), rs.getString("service_id"), rs.getString("service_at_location_id"),
                        Jdbc.date(rs, "valid_from"), Jdbc.date(rs, "valid_to"), Jdbc.date(rs, "dtstart"), Jdbc.date(rs, "until"),
                        Jdbc.integer(rs, "count"), rs.getString("wkst"), rs.getString("freq"), Jdbc.integer(rs, "interval"),
                        rs.getString("byday"), rs.getString("bymonthday"), rs.getString("description"), rs.getString("opens_at"),
                        rs.getString("closes_at"), rs.getString("schedule_link"), rs.getString("attending_type"), rs.getString("notes"))));
        query("select * from cost_option where service_id = any(?) order by id", ids, rs -> byId.get(rs.getString("service_id")).costs
                .add(new HsdsService.CostOption(rs.getString("id"), rs.getString("service_id"), Jdbc.date(rs, "valid_from"),
                        Jdbc.date(rs, "valid_to"), rs.getString("option"), rs.getString("currency"), rs.getBigDecimal("amount"),
                        rs.getString("amount_description"))));
        query("select * from language where service_id = any(?) order by id", ids, rs -> byId.get(rs.getString("service_id")).languages
                .add(new HsdsService.Language(rs.getString("id"), rs.getString("service_id"), rs.getString("name"), rs.getString("code"),
                        rs.getString("note"))));
        query("select * from service_area where service_id = any(?) order by id", ids, rs -> byId.get(rs.getString("service_id")).areas
                .add(new HsdsService.ServiceArea(rs.getString("id"), rs.getString("service_id"), rs.getString("name"),
                        rs.getString("description"), rs.getString("extent"), rs.getString("extent_type"), rs.getString("uri"))));
        Map<String, List<HsdsService.Phone>> contactPhones = new HashMap<>();
        query("select * from phone where service_id = any(?) order by id", ids, rs -> {
            HsdsService.Phone p = new HsdsService.Phone(rs.getString("id"), rs.getString("service_id"), rs.getString("contact_id"),
                    rs.getString("number"), rs.getString("extension"), rs.getString("type"), rs.getString("description"));
            if (p.contactId() == null) {
                byId.get(p.serviceId()).phones.add(p);
            } else {
                contactPhones.computeIfAbsent(p.contactId(), k -> new ArrayList<>()).add(p);
            }
        });
        query("select * from contact where service_id = any(?) order by id", ids, rs -> byId.get(rs.getString("service_id")).contacts
                .add(new HsdsService.Contact(rs.getString("id"), rs.getString("service_id"), rs.getString("name"), rs.getString("title"),
                        rs.getString("department"), rs.getString("email"), contactPhones.getOrDefault(rs.getString("id"), List.of()))));
        query("select * from attribute where service_id = any(?) order by taxonomy_term_id", ids, rs -> {
            Term term = terms.byId(rs.getString("taxonomy_term_id")).orElse(null);
            byId.get(rs.getString("service_id")).attributes.add(new HsdsService.Attribute(rs.getString("id"), rs.getString("service_id"),
                    rs.getString("link_type"), "service", rs.getString("taxonomy_term_id"), rs.getString("value"),
                    term == null ? null : term.toHsds()));
        });
    }

    public static HsdsService.Location location(ResultSet rs, List<HsdsService.Accessibility> accessibility) throws SQLException {
        String addressId = rs.getString("address_id");
        List<HsdsService.Address> addresses = addressId == null ? List.of() : List.of(new HsdsService.Address(addressId,
                rs.getString("id"), rs.getString("attention"), rs.getString("address_1"), rs.getString("address_2"), rs.getString("city"),
                rs.getString("region"), rs.getString("state_province"), rs.getString("postal_code"), rs.getString("country"), "physical"));
        return new HsdsService.Location(rs.getString("id"), HsdsService.LocationType.valueOf(rs.getString("location_type")),
                rs.getString("organization_id"), rs.getString("name"), rs.getString("alternate_name"), rs.getString("description"),
                rs.getString("url"), Jdbc.decimal(rs, "latitude"), Jdbc.decimal(rs, "longitude"), rs.getString("external_identifier"),
                rs.getString("external_identifier_type"), addresses, accessibility);
    }

    private interface RowHandler {
        void accept(ResultSet rs) throws SQLException;
    }

    private void query(String sql, Collection<String> ids, RowHandler handler) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, Jdbc.textArray(c, ids));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    handler.accept(rs);
                }
            }
        }
    }

    private static final class Builder {
        final String id;
        final String organizationId;
        final String name;
        final String alternateName;
        final String description;
        final String url;
        final String email;
        final HsdsService.Status status;
        final String interpretationServices;
        final String applicationProcess;
        final String feesDescription;
        final String waitTime;
        final String accreditations;
        final String eligibilityDescription;
        final Integer minimumAge;
        final Integer maximumAge;
        final java.time.LocalDate assuredDate;
        final String assurerEmail;
        final String alert;
        final java.time.Instant lastModified;
        final Integer placesAvailable;
        final Integer maximumPlaces;
        final HsdsService.Organization organization;
        final List<HsdsService.ServiceAtLocation> serviceAtLocations = new ArrayList<>();
        final List<HsdsService.Schedule> schedules = new ArrayList<>();
        final List<HsdsService.CostOption> costs = new ArrayList<>();
        final List<HsdsService.Language> languages = new ArrayList<>();
        final List<HsdsService.ServiceArea> areas = new ArrayList<>();
        final List<HsdsService.Contact> contacts = new ArrayList<>();
        final List<HsdsService.Phone> phones = new ArrayList<>();
        final List<HsdsService.Attribute> attributes = new ArrayList<>();

        Builder(ResultSet rs) throws SQLException {
            id = rs.getString("id");
            organizationId = rs.getString("organization_id");
            name = rs.getString("name");
            alternateName = rs.getString("alternate_name");
            description = rs.getString("description");
            url = rs.getString("url");
            email = rs.getString("email");
            status = HsdsService.Status.of(rs.getString("status"));
            interpretationServices = rs.getString("interpretation_services");
            applicationProcess = rs.getString("application_process");
            feesDescription = rs.getString("fees_description");
            waitTime = rs.getString("wait_time");
            accreditations = rs.getString("accreditations");
            eligibilityDescription = rs.getString("eligibility_description");
            minimumAge = Jdbc.integer(rs, "minimum_age");
            maximumAge = Jdbc.integer(rs, "maximum_age");
            assuredDate = Jdbc.date(rs, "assured_date");
            assurerEmail = rs.getString("assurer_email");
            alert = rs.getString("alert");
            lastModified = Jdbc.instant(rs, "last_modified");
            placesAvailable = Jdbc.integer(rs, "places_available");
            maximumPlaces = Jdbc.integer(rs, "maximum_places");
            organization = new HsdsService.Organization(organizationId, rs.getString("o_name"), rs.getString("o_description"),
                    rs.getString("o_email"), rs.getString("o_website"), rs.getString("o_uri"), rs.getString("o_logo"));
        }

        HsdsService build() {
            return new HsdsService(id, organizationId, name, alternateName, description, url, email, status, interpretationServices,
                    applicationProcess, feesDescription, waitTime, accreditations, eligibilityDescription, minimumAge, maximumAge,
                    assuredDate, assurerEmail, alert, lastModified, placesAvailable, maximumPlaces, organization, serviceAtLocations,
                    schedules, costs, languages, areas, contacts, phones, attributes);
        }
    }
}
