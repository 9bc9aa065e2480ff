package org.linkwork.matching.directory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;
import org.linkwork.events.DirectoryServiceChanged;
import org.linkwork.events.EventJson.MalformedEventException;
import org.linkwork.events.Postcodes;
import org.linkwork.matching.scoring.Candidate;

/** Keeps matching's copy of the directory in step with the directory's snapshots and deletions. */
@ApplicationScoped
public class DirectoryReadModel {

    private static final Logger LOG = Logger.getLogger(DirectoryReadModel.class);

    /**
     * Replaces the copy of a service with a snapshot, unless the copy is from a newer version:
     * redelivered or replayed snapshots must not undo a later change.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(String key, DirectoryServiceChanged snapshot) {
        check(key, snapshot);
        DirectoryService service = DirectoryService.findById(snapshot.serviceId());
        if (service != null && snapshot.version() < service.version) {
            LOG.infof("Ignored directory service %s version %d: version %d is already applied",
                    snapshot.serviceId(), snapshot.version(), service.version);
            return;
        }
        boolean isNew = service == null;
        if (isNew) {
            service = new DirectoryService();
            service.id = snapshot.serviceId();
        }
        service.name = snapshot.name();
        service.organizationId = snapshot.organizationId();
        service.organizationName = snapshot.organizationName();
        service.status = snapshot.status();
        service.deliveryModes = snapshot.deliveryModes() == null ? ""
                : String.join(",", snapshot.deliveryModes().stream().filter(m -> m != null && !m.isBlank()).distinct().toList());
        service.placesAvailable = snapshot.placesAvailable();
        service.version = snapshot.version();
        service.changedAt = snapshot.changedAt();
        service.receivedAt = Instant.now();
        service.taxonomyCodes.clear();
        snapshot.taxonomyCodes().stream().filter(c -> c != null && !c.isBlank()).forEach(service.taxonomyCodes::add);
        service.locations.clear();
        service.locations.addAll(locationsOf(snapshot));
        if (isNew) {
            service.persist();
        }
    }

    /** A tombstone: the directory deleted the service. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void remove(String serviceId) {
        if (serviceId == null || serviceId.isBlank()) {
            throw new MalformedEventException("directory tombstone without a key");
        }
        DirectoryService.deleteById(serviceId);
    }

    /** Active services with at least one of the codes: the only ones worth scoring. */
    public List<Candidate> activeServicesMeetingAny(Collection<String> needCodes) {
        if (needCodes.isEmpty()) {
            return List.of();
        }
        List<DirectoryService> services = DirectoryService.find("""
                select distinct s from DirectoryService s join s.taxonomyCodes code
                where s.status = ?1 and code in ?2""", Candidate.ACTIVE, needCodes).list();
        return services.stream().map(DirectoryReadModel::asCandidate).toList();
    }

    static Candidate asCandidate(DirectoryService s) {
        return new Candidate(s.id, s.name, s.organizationId, s.status, s.taxonomyCodes, Set.copyOf(s.deliveryModeCodes()),
                s.placesAvailable, s.locations.stream().flatMap(l -> l.point().stream()).toList());
    }

    private static List<ServiceLocation> locationsOf(DirectoryServiceChanged snapshot) {
        if (snapshot.locations() == null) {
            return List.of();
        }
        // one row per location id; a repeated id in a snapshot keeps its first entry
        Map<String, ServiceLocation> byId = new LinkedHashMap<>();
        for (DirectoryServiceChanged.Place place : snapshot.locations()) {
            if (place == null || place.locationId() == null || place.locationId().isBlank()) {
                throw new MalformedEventException("directory service " + snapshot.serviceId() + " has a location without an id");
            }
            ServiceLocation location = new ServiceLocation();
            location.locationId = place.locationId();
            location.name = place.name();
            location.postcode = place.postcode();
            location.postcodeDistrict = Postcodes.districtOf(place.postcode()).orElse(null);
            location.latitude = place.latitude();
            location.longitude = place.longitude();
            byId.putIfAbsent(place.locationId(), location);
        }
        return List.copyOf(byId.values());
    }

    private static void check(String key, DirectoryServiceChanged s) {
        if (s.serviceId() == null || s.serviceId().isBlank()) {
            throw new MalformedEventException("directory snapshot without a serviceId");
        }
        if (key != null && !key.equals(s.serviceId())) {
            throw new MalformedEventException("directory snapshot for " + s.serviceId() + " published under key " + key);
        }
        if (s.name() == null || s.status() == null || s.organizationId() == null || s.organizationName() == null
                || s.taxonomyCodes() == null) {
            throw new MalformedEventException("directory snapshot " + s.serviceId() + " lacks a required field");
        }
    }
}
