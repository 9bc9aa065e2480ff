package org.linkwork.directory.entry;

import static org.linkwork.directory.entry.Facets.nullToEmpty;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.linkwork.directory.area.GeoJsonExtent;
import org.linkwork.directory.geocoding.Located;
import org.linkwork.directory.hsds.HsdsService;
import org.linkwork.directory.hsds.HsdsService.Accessibility;
import org.linkwork.directory.hsds.HsdsService.Address;
import org.linkwork.directory.hsds.HsdsService.Attribute;
import org.linkwork.directory.hsds.HsdsService.Contact;
import org.linkwork.directory.hsds.HsdsService.CostOption;
import org.linkwork.directory.hsds.HsdsService.Language;
import org.linkwork.directory.hsds.HsdsService.Location;
import org.linkwork.directory.hsds.HsdsService.Phone;
import org.linkwork.directory.hsds.HsdsService.Schedule;
import org.linkwork.directory.hsds.HsdsService.ServiceArea;
import org.linkwork.directory.hsds.HsdsService.ServiceAtLocation;
import org.linkwork.directory.taxonomy.Term;
import org.linkwork.directory.taxonomy.TermIndex;
import org.linkwork.events.Postcodes;
import org.linkwork.platform.problem.Problem.FieldError;

/**
 * The rules a service must meet beyond its field formats (which Bean Validation checks), and its
 * canonical form: nested ids filled in where the publisher left them out (stable, derived from the
 * service id), back-references set, postcodes and RRULE parts in canonical case, lists ordered by id,
 * attributes resolved to stored taxonomy terms, physical locations without coordinates placed by
 * their postcode. The canonical form is what is stored, hashed and published.
 */
public final class EntryRules {

    /** Places a postcode; empty when it cannot. */
    public interface Geocode extends Function<String, Optional<Located>> {
    }

    public record Checked(HsdsService service, List<FieldError> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    private final TermIndex terms;
    private final Geocode geocode;

    public EntryRules(TermIndex terms, Geocode geocode) {
        this.terms = terms;
        this.geocode = geocode;
    }

    /** @param id the service's id when the caller names it (the path of a PUT); null to take the body's */
    public Checked check(HsdsService s, String id) {
        List<FieldError> errors = new ArrayList<>();
        String serviceId = id != null ? id : s.id();
        if (serviceId == null || serviceId.isBlank()) {
            errors.add(new FieldError("id", "required"));
            return new Checked(s, errors);
        }
        if (s.id() != null && !s.id().equals(serviceId)) {
            errors.add(new FieldError("id", "must be the id in the path, " + serviceId));
        }
        String orgId = s.organization().id();
        if (s.organizationId() != null && !s.organizationId().equals(orgId)) {
            errors.add(new FieldError("organization_id", "must be organization.id, " + orgId));
        }
        if (s.minimumAge() != null && s.maximumAge() != null && s.minimumAge() > s.maximumAge()) {
            errors.add(new FieldError("minimum_age", "must not be above maximum_age"));
        }
        if (s.placesAvailable() != null && s.maximumPlaces() != null && s.placesAvailable() > s.maximumPlaces()) {
            errors.add(new FieldError("places_available", "must not be above maximum_places"));
        }
        List<ServiceAtLocation> sals = locations(serviceId, orgId, nullToEmpty(s.serviceAtLocations()), errors);
        Set<String> salIds = new HashSet<>();
        sals.forEach(sal -> salIds.add(sal.id()));
        List<Schedule> schedules = schedules(serviceId, nullToEmpty(s.schedules()), salIds, errors);
        List<CostOption> costs = costs(serviceId, nullToEmpty(s.costOptions()), errors);
        List<Language> languages = languages(serviceId, nullToEmpty(s.languages()), errors);
        List<ServiceArea> areas = indexed(nullToEmpty(s.serviceAreas()), "service_areas", errors, ServiceArea::id,
                (a, i) -> new ServiceArea(childId(a.id(), serviceId, "service_area", i), serviceId, a.name(), a.description(),
                        a.extent(), a.extentType(), a.uri()), a -> a.serviceId(), serviceId);
        extents(nullToEmpty(s.serviceAreas()), errors);
        List<Contact> contacts = contacts(serviceId, nullToEmpty(s.contacts()), errors);
        Set<String> contactIds = new HashSet<>();
        contacts.forEach(c -> contactIds.add(c.id()));
        List<Phone> phones = phones(serviceId, nullToEmpty(s.phones()), contactIds, errors);
        List<Attribute> attributes = attributes(serviceId, nullToEmpty(s.attributes()), errors);
        checkUniqueAcross(errors, schedules, costs, languages, areas, contacts, phones);

        HsdsService.Organization o = s.organization();
        HsdsService canonical = new HsdsService(serviceId, orgId, s.name().strip(), blankToNull(s.alternateName()),
                blankToNull(s.description()), blankToNull(s.url()), blankToNull(s.email()), s.status(),
                blankToNull(s.interpretationServices()), blankToNull(s.applicationProcess()), blankToNull(s.feesDescription()),
                blankToNull(s.waitTime()), blankToNull(s.accreditations()), blankToNull(s.eligibilityDescription()),
                s.minimumAge(), s.maximumAge(), s.assuredDate(), blankToNull(s.assurerEmail()), blankToNull(s.alert()), null,
                s.placesAvailable(), s.maximumPlaces(),
                new HsdsService.Organization(orgId, o.name().strip(), o.description(), blankToNull(o.email()),
                        blankToNull(o.website()), blankToNull(o.uri()), blankToNull(o.logo())),
                sortedById(sals, ServiceAtLocation::id), sortedById(schedules, Schedule::id), sortedById(costs, CostOption::id),
                sortedById(languages, Language::id), sortedById(areas, ServiceArea::id), sortedById(contacts, Contact::id),
                sortedById(phones, Phone::id), sortedById(attributes, Attribute::taxonomyTermId));
        return new Checked(canonical, errors);
    }

    private List<ServiceAtLocation> locations(String serviceId, String orgId, List<ServiceAtLocation> wanted, List<FieldError> errors) {
        Set<String> seen = new HashSet<>();
        List<ServiceAtLocation> out = new ArrayList<>();
        for (int i = 0; i < wanted.size(); i++) {
            ServiceAtLocation w = wanted.get(i);
            String path = "service_at_locations[" + i + "]";
            Location l = w.location();
            String salId = childId(w.id(), serviceId, "service_at_location:" + l.id(), 0);
            if (!seen.add(salId) || !seen.add("location:" + l.id())) {
                errors.add(new FieldError(path, "the same id or location appears twice"));
                continue;
            }
            if (w.serviceId() != null && !w.serviceId().equals(serviceId)) {
                errors.add(new FieldError(path + ".service_id", "must be the service's id, " + serviceId));
            }
            if (w.locationId() != null && !w.locationId().equals(l.id())) {
                errors.add(new FieldError(path + ".location_id", "must be location.id, " + l.id()));
            }
            if (l.organizationId() != null && !l.organizationId().equals(orgId)) {
                errors.add(new FieldError(path + ".location.organization_id", "must be the service's organisation, " + orgId));
            }
            Address a = l.addresses() == null || l.addresses().isEmpty() ? null : l.addresses().get(0);
            Double latitude = l.latitude();
            Double longitude = l.longitude();
            if (l.locationType() == HsdsService.LocationType.physical && (latitude == null || longitude == null)) {
                Optional<Located> placed = a == null ? Optional.empty() : geocode.apply(a.postalCode());
                if (placed.isPresent()) {
                    latitude = placed.get().position().latitude();
                    longitude = placed.get().position().longitude();
                } else {
                    errors.add(new FieldError(path + ".location.latitude",
                            "a physical location needs latitude and longitude, or an address whose postcode the directory can place"));
                }
            }
            Address address = a == null ? null : new Address(a.id() != null ? a.id() : stableId(l.id() + "|address"), l.id(),
                    blankToNull(a.attention()), a.address1().strip(), blankToNull(a.address2()), a.city().strip(),
                    blankToNull(a.region()), a.stateProvince().strip(), Postcodes.normalise(a.postalCode()), a.country(),
                    a.addressType());
            List<Accessibility> access = new ArrayList<>();
            List<Accessibility> givenAccess = nullToEmpty(l.accessibility());
            for (int j = 0; j < givenAccess.size(); j++) {
                Accessibility x = givenAccess.get(j);
                access.add(new Accessibility(x.id() != null ? x.id() : stableId(l.id() + "|accessibility|" + j), l.id(),
                        blankToNull(x.description()), blankToNull(x.details()), blankToNull(x.url())));
            }
            Location location = new Location(l.id(), l.locationType(), orgId, blankToNull(l.name()), blankToNull(l.alternateName()),
                    blankToNull(l.description()), blankToNull(l.url()), latitude, longitude, blankToNull(l.externalIdentifier()),
                    blankToNull(l.externalIdentifierType()), address == null ? List.of() : List.of(address),
                    sortedById(access, Accessibility::id));
            out.add(new ServiceAtLocation(salId, serviceId, l.id(), blankToNull(w.description()), location));
        }
        return out;
    }

    private static List<Schedule> schedules(String serviceId, List<Schedule> given, Set<String> salIds, List<FieldError> errors) {
        List<Schedule> out = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            Schedule s = given.get(i);
            String path = "schedules[" + i + "]";
            String id = childId(s.id(), serviceId, "schedule", i);
            String freq = upper(s.freq());
            String byday = upper(s.byday());
            if (byday != null && freq == null) {
                freq = "WEEKLY";
            }
            if (byday != null && "WEEKLY".equals(freq) && byday.matches(".*[0-9].*")) {
                errors.add(new FieldError(path + ".byday", "an occurrence such as 2MO needs freq MONTHLY"));
            }
            if (s.opensAt() != null && s.closesAt() != null && !Facets.time(s.opensAt()).isBefore(Facets.time(s.closesAt()))) {
                errors.add(new FieldError(path + ".closes_at", "must be after opens_at"));
            }
            if (s.validFrom() != null && s.validTo() != null && s.validTo().isBefore(s.validFrom())) {
                errors.add(new FieldError(path + ".valid_to", "must not be before valid_from"));
            }
            if (s.serviceAtLocationId() != null && !salIds.contains(s.serviceAtLocationId())) {
                errors.add(new FieldError(path + ".service_at_location_id", "not one of this service's service_at_locations"));
            }
            if (s.serviceId() != null && !s.serviceId().equals(serviceId)) {
                errors.add(new FieldError(path + ".service_id", "must be the service's id, " + serviceId));
            }
            out.add(new Schedule(id, serviceId, s.serviceAtLocationId(), s.validFrom(), s.validTo(), s.dtstart(), s.until(), s.count(),
                    upper(s.wkst()), freq, s.interval(), byday, s.bymonthday(), blankToNull(s.description()), s.opensAt(),
                    s.closesAt(), blankToNull(s.scheduleLink()), blankToNull(s.attendingType()), blankToNull(s.notes())));
        }
        return out;
    }

    private static List<CostOption> costs(String serviceId, List<CostOption> given, List<FieldError> errors) {
        List<CostOption> out = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            CostOption c = given.get(i);
            String path = "cost_options[" + i + "]";
            if (c.validFrom() != null && c.validTo() != null && c.validTo().isBefore(c.validFrom())) {
                errors.add(new FieldError(path + ".valid_to", "must not be before valid_from"));
            }
            if (c.serviceId() != null && !c.serviceId().equals(serviceId)) {
                errors.add(new FieldError(path + ".service_id", "must be the service's id, " + serviceId));
            }
            out.add(new CostOption(childId(c.id(), serviceId, "cost_option", i), serviceId, c.validFrom(), c.validTo(),
                    blankToNull(c.option()), c.currency() == null && c.amount() != null ? "GBP" : c.currency(),
                    c.amount() == null ? null : c.amount().setScale(2, java.math.RoundingMode.HALF_UP), blankToNull(c.amountDescription())));
        }
        return out;
    }

    private static List<Language> languages(String serviceId, List<Language> given, List<FieldError> errors) {
        List<Language> out = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            Language l = given.get(i);
            if (blankToNull(l.name()) == null && blankToNull(l.code()) == null) {
                errors.add(new FieldError("languages[" + i + "]", "needs a name or a code"));
            }
            out.add(new Language(childId(l.id(), serviceId, "language", i), serviceId, blankToNull(l.name()),
                    l.code() == null ? null : l.code().toLowerCase(Locale.ROOT), blankToNull(l.note())));
        }
        return out;
    }

    /** A GeoJSON extent must be a shape the directory can test a place against; other extents are descriptive. */
    private static void extents(List<ServiceArea> given, List<FieldError> errors) {
        for (int i = 0; i < given.size(); i++) {
            ServiceArea a = given.get(i);
            if (GeoJsonExtent.TYPE.equals(a.extentType())) {
                try {
                    GeoJsonExtent.polygons(a.extent());
                } catch (GeoJsonExtent.Invalid e) {
                    errors.add(new FieldError("service_areas[" + i + "].extent", e.getMessage()));
                }
            }
        }
    }

    private static List<Contact> contacts(String serviceId, List<Contact> given, List<FieldError> errors) {
        List<Contact> out = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            Contact c = given.get(i);
            String contactId = childId(c.id(), serviceId, "contact", i);
            List<Phone> phones = new ArrayList<>();
            List<Phone> nested = nullToEmpty(c.phones());
            for (int j = 0; j < nested.size(); j++) {
                Phone p = nested.get(j);
                if (p.contactId() != null && !p.contactId().equals(contactId)) {
                    errors.add(new FieldError("contacts[" + i + "].phones[" + j + "].contact_id", "must be the contact's id, " + contactId));
                }
                phones.add(new Phone(childId(p.id(), serviceId, "contact:" + contactId + ":phone", j), serviceId, contactId,
                        p.number().strip(), blankToNull(p.extension()), p.type(), blankToNull(p.description())));
            }
            out.add(new Contact(contactId, serviceId, blankToNull(c.name()), blankToNull(c.title()), blankToNull(c.department()),
                    blankToNull(c.email()), sortedById(phones, Phone::id)));
        }
        return out;
    }

    private static List<Phone> phones(String serviceId, List<Phone> given, Set<String> contactIds, List<FieldError> errors) {
        List<Phone> out = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            Phone p = given.get(i);
            if (p.contactId() != null && !contactIds.contains(p.contactId())) {
                errors.add(new FieldError("phones[" + i + "].contact_id", "not one of this service's contacts"));
            }
            out.add(new Phone(childId(p.id(), serviceId, "phone", i), serviceId, p.contactId(), p.number().strip(),
                    blankToNull(p.extension()), p.type(), blankToNull(p.description())));
        }
        return out;
    }

    private List<Attribute> attributes(String serviceId, List<Attribute> given, List<FieldError> errors) {
        Map<String, Attribute> byTerm = new LinkedHashMap<>();
        for (int i = 0; i < given.size(); i++) {
            Attribute a = given.get(i);
            String path = "attributes[" + i + "]";
            HsdsService.TaxonomyTerm nested = a.taxonomyTerm();
            Optional<Term> term;
            String field;
            if (a.taxonomyTermId() != null) {
                term = byId(a.taxonomyTermId());
                field = path + ".taxonomy_term_id";
            } else if (nested != null && nested.id() != null) {
                term = byId(nested.id());
                field = path + ".taxonomy_term.id";
            } else if (nested != null && nested.code() != null) {
                term = terms.linkworkCode(nested.code());
                field = path + ".taxonomy_term.code";
            } else {
                errors.add(new FieldError(path + ".taxonomy_term_id", "name the term by taxonomy_term_id, taxonomy_term.id or taxonomy_term.code"));
                continue;
            }
            if (term.isEmpty()) {
                errors.add(new FieldError(field, "not a known taxonomy term (codes are those of the Linkwork taxonomies, see /taxonomy_terms)"));
                continue;
            }
            if (a.linkId() != null && !a.linkId().equals(serviceId)) {
                errors.add(new FieldError(path + ".link_id", "must be the service's id, " + serviceId));
            }
            Term t = term.get();
            // stable per (service, term), so publishing again does not churn ids
            String id = a.id() != null ? a.id() : stableId(serviceId + "|" + t.id());
            byTerm.putIfAbsent(t.id(), new Attribute(id, serviceId, blankToNull(a.linkType()), "service", t.id(), blankToNull(a.value()),
                    t.toHsds()));
        }
        return new ArrayList<>(byTerm.values());
    }

    /** A term by its id, or by the readable id a Linkwork term had before its UUID. */
    private Optional<Term> byId(String id) {
        Optional<Term> term = terms.byId(id);
        return term.isPresent() ? term : terms.byLegacyId(id);
    }

    private static <T> List<T> indexed(List<T> given, String list, List<FieldError> errors, Function<T, String> id,
            java.util.function.BiFunction<T, Integer, T> canonical, Function<T, String> owner, String serviceId) {
        List<T> out = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            T t = given.get(i);
            if (owner.apply(t) != null && !owner.apply(t).equals(serviceId)) {
                errors.add(new FieldError(list + "[" + i + "].service_id", "must be the service's id, " + serviceId));
            }
            out.add(canonical.apply(t, i));
        }
        return out;
    }

    private static void checkUniqueAcross(List<FieldError> errors, List<Schedule> schedules, List<CostOption> costs,
            List<Language> languages, List<ServiceArea> areas, List<Contact> contacts, List<Phone> phones) {
        duplicates(errors, "schedules", schedules, Schedule::id);
        duplicates(errors, "cost_options", costs, CostOption::id);
        duplicates(errors, "languages", languages, Language::id);
        duplicates(errors, "service_areas", areas, ServiceArea::id);
        duplicates(errors, "contacts", contacts, Contact::id);
        List<Phone> allPhones = new ArrayList<>(phones);
        contacts.forEach(c -> allPhones.addAll(c.phones()));
        duplicates(errors, "phones", allPhones, Phone::id);
    }

    private static <T> void duplicates(List<FieldError> errors, String list, List<T> items, Function<T, String> id) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            if (!seen.add(id.apply(items.get(i)))) {
                errors.add(new FieldError(list + "[" + i + "].id", "appears twice"));
            }
        }
    }

    /** A nested object's id: the one given, else one derived from the service id, its kind and its place. */
    static String childId(String given, String serviceId, String kind, int index) {
        return given != null && !given.isBlank() ? given : stableId(serviceId + "|" + kind + "|" + index);
    }

    static String stableId(String seed) {
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static <T> List<T> sortedById(List<T> list, Function<T, String> id) {
        List<T> sorted = new ArrayList<>(list);
        sorted.sort(Comparator.comparing(id, Comparator.nullsLast(Comparator.naturalOrder())));
        return sorted;
    }

    private static String upper(String s) {
        return s == null || s.isBlank() ? null : s.strip().toUpperCase(Locale.ROOT);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
