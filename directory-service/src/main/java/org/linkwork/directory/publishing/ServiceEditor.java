package org.linkwork.directory.publishing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.linkwork.directory.DirectoryService;
import org.linkwork.directory.Location;
import org.linkwork.directory.Organization;
import org.linkwork.directory.ServiceAtLocation;
import org.linkwork.directory.ServiceAttribute;
import org.linkwork.directory.TaxonomyTerm;
import org.linkwork.events.Postcodes;
import org.linkwork.events.Topic;
import org.linkwork.platform.outbox.Outbox;
import org.linkwork.platform.problem.Problem;
import org.linkwork.platform.problem.ProblemException;
import org.linkwork.platform.security.Caller;

/**
 * Writes services as providers and admins publish them, and announces every change with a full
 * snapshot on the compacted {@code directory-service-changed} topic.
 */
@ApplicationScoped
public class ServiceEditor {

    final Outbox outbox;

    ServiceEditor(Outbox outbox) {
        this.outbox = outbox;
    }

    public record Saved(DirectoryService service, boolean created) {
    }

    @Transactional
    public Saved put(String id, HsdsService request, Caller caller) {
        if (request.id() != null && !request.id().equals(id)) {
            throw ProblemException.invalid("id", "must be the id in the path, " + id);
        }
        if (request.minimumAge() != null && request.maximumAge() != null && request.minimumAge() > request.maximumAge()) {
            throw ProblemException.invalid("minimum_age", "must not be above maximum_age");
        }
        String organisationId = request.organization().id();
        if (!caller.belongsTo(organisationId)) {
            throw new ProblemException(Problem.of("forbidden", "Forbidden", 403,
                    "Providers publish services of their own organisation only", List.of()));
        }
        DirectoryService service = DirectoryService.findById(id);
        boolean created = service == null;
        if (created) {
            service = new DirectoryService();
            service.id = id;
        } else if (!caller.belongsTo(service.organization.id)) {
            // another organisation's service: do not reveal it exists
            throw ProblemException.notFound("service");
        }
        service.organization = upsertOrganization(request.organization());
        service.name = request.name().strip();
        service.description = request.description();
        service.url = request.url();
        service.email = request.email();
        service.status = request.status().code();
        service.minimumAge = request.minimumAge();
        service.maximumAge = request.maximumAge();
        service.placesAvailable = request.placesAvailable();
        service.lastModified = Instant.now();
        replaceLocations(service, nullToEmpty(request.serviceAtLocations()), organisationId);
        replaceAttributes(service, nullToEmpty(request.attributes()));
        if (created) {
            service.persist();
        }
        service.flush(); // the snapshot carries the new version
        outbox.publish(ServiceSnapshot.of(service));
        return new Saved(service, created);
    }

    @Transactional
    public void delete(String id, Caller caller) {
        DirectoryService service = DirectoryService.findById(id);
        if (service == null || !caller.belongsTo(service.organization.id)) {
            throw ProblemException.notFound("service");
        }
        service.delete();
        outbox.publishTombstone(Topic.DIRECTORY_SERVICE_CHANGED, id);
    }

    private static Organization upsertOrganization(HsdsService.Organization o) {
        Organization organization = Organization.findById(o.id());
        if (organization == null) {
            organization = new Organization();
            organization.id = o.id();
        }
        organization.name = o.name().strip();
        organization.description = o.description();
        organization.email = o.email();
        organization.website = o.website();
        organization.persist();
        return organization;
    }

    private static void replaceLocations(DirectoryService service, List<HsdsService.ServiceAtLocation> wanted, String organisationId) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < wanted.size(); i++) {
            if (!seen.add(wanted.get(i).id()) || !seen.add("location:" + wanted.get(i).location().id())) {
                throw ProblemException.invalid("service_at_locations[" + i + "]", "the same id or location appears twice");
            }
        }
        Map<String, ServiceAtLocation> existing = service.serviceAtLocations.stream()
                .collect(Collectors.toMap(s -> s.id, Function.identity()));
        List<ServiceAtLocation> next = new ArrayList<>();
        for (int i = 0; i < wanted.size(); i++) {
            HsdsService.ServiceAtLocation w = wanted.get(i);
            Location location = upsertLocation(w.location(), organisationId, "service_at_locations[" + i + "].location");
            ServiceAtLocation link = existing.get(w.id());
            if (link == null) {
                if (ServiceAtLocationIds.takenElsewhere(w.id(), service.id)) {
                    throw ProblemException.invalid("service_at_locations[" + i + "].id", "already used by another service");
                }
                link = new ServiceAtLocation();
                link.id = w.id();
                link.service = service;
            }
            link.location = location;
            next.add(link);
        }
        service.serviceAtLocations.removeIf(s -> !next.contains(s));
        next.stream().filter(s -> !service.serviceAtLocations.contains(s)).forEach(service.serviceAtLocations::add);
    }

    private static Location upsertLocation(HsdsService.Location l, String organisationId, String field) {
        Location location = Location.findById(l.id());
        if (location == null) {
            location = new Location();
            location.id = l.id();
            location.organizationId = organisationId;
        } else if (location.organizationId != null && !location.organizationId.equals(organisationId)) {
            throw new ProblemException(Problem.of("location-owned-elsewhere", "Conflict", 409,
                    "Location " + l.id() + " belongs to another organisation",
                    List.of(new Problem.FieldError(field + ".id", "belongs to another organisation"))));
        }
        if (l.locationType() == HsdsService.LocationType.physical && (l.latitude() == null || l.longitude() == null)) {
            throw ProblemException.invalid(field + ".latitude", "a physical location needs latitude and longitude");
        }
        location.locationType = l.locationType().name();
        location.name = l.name();
        location.latitude = l.latitude();
        location.longitude = l.longitude();
        HsdsService.Address a = l.addresses() == null || l.addresses().isEmpty() ? null : l.addresses().get(0);
        location.addressId = a == null ? null : a.id();
        location.address1 = a == null ? null : a.address1();
        location.city = a == null ? null : a.city();
        location.stateProvince = a == null ? null : a.stateProvince();
        location.postalCode = a == null ? null : Postcodes.normalise(a.postalCode());
        location.country = a == null ? null : a.country();
        location.persist();
        return location;
    }

    private static void replaceAttributes(DirectoryService service, List<HsdsService.Attribute> wanted) {
        List<TaxonomyTerm> terms = new ArrayList<>();
        for (int i = 0; i < wanted.size(); i++) {
            String code = wanted.get(i).taxonomyTerm().code();
            int index = i;
            TaxonomyTerm term = TaxonomyTerm.need(code).orElseThrow(() -> ProblemException.invalid(
                    "attributes[" + index + "].taxonomy_term.code", "not a term of the linkwork-needs taxonomy"));
            if (!terms.contains(term)) {
                terms.add(term);
            }
        }
        service.attributes.removeIf(a -> !terms.contains(a.taxonomyTerm));
        for (TaxonomyTerm term : terms) {
            if (service.attributes.stream().noneMatch(a -> a.taxonomyTerm.equals(term))) {
                ServiceAttribute attribute = new ServiceAttribute();
                // stable per (service, term), so a re-publish does not churn ids
                attribute.id = UUID.nameUUIDFromBytes((service.id + "|" + term.id).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
                attribute.service = service;
                attribute.taxonomyTerm = term;
                service.attributes.add(attribute);
            }
        }
    }

    private static <T> List<T> nullToEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
