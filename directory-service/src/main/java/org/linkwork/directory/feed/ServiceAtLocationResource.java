package org.linkwork.directory.feed;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.agroal.api.AgroalDataSource;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.linkwork.directory.entry.DirectoryEntries;
import org.linkwork.directory.entry.EntryReader;
import org.linkwork.directory.entry.Jdbc;
import org.linkwork.directory.geocoding.Located;
import org.linkwork.directory.geocoding.PostcodeLocator;
import org.linkwork.directory.geocoding.Position;
import org.linkwork.directory.hsds.HsdsPage;
import org.linkwork.directory.hsds.HsdsService;
import org.linkwork.platform.problem.ProblemException;
import org.linkwork.platform.problem.QueryParameters;

/** ORUK {@code /service_at_locations}: each place a service is delivered, with the service. */
@Path("/service_at_locations")
@Produces(MediaType.APPLICATION_JSON)
public class ServiceAtLocationResource {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record HsdsServiceAtLocation(String id, String serviceId, String locationId, String description,
            HsdsService.Location location, HsdsService service) {
    }

    final AgroalDataSource dataSource;
    final DirectoryEntries entries;
    final PostcodeLocator postcodes;

    ServiceAtLocationResource(AgroalDataSource dataSource, DirectoryEntries entries, PostcodeLocator postcodes) {
        this.dataSource = dataSource;
        this.entries = entries;
        this.postcodes = postcodes;
    }

    @GET
    @PermitAll
    @Operation(summary = "List services at locations (ORUK)", description = "postcode with proximity (metres) keeps those within that distance.")
    public HsdsPage<HsdsServiceAtLocation> list(@QueryParam("search") String search, @QueryParam("taxonomy_term_id") String termId,
            @QueryParam("taxonomy_id") String taxonomyId, @QueryParam("organization_id") String organizationId,
            @QueryParam("postcode") String postcode, @QueryParam("proximity") String proximity, @QueryParam("page") String pageParam,
            @QueryParam("per_page") String perPageParam) {
        int page = QueryParameters.integer("page", pageParam, 1, 1, 1_000_000);
        int perPage = QueryParameters.integer("per_page", perPageParam, 50, 1, 500);
        Optional<Located> near = FeedParameters.postcode("postcode", postcode, postcodes);
        Integer within = proximity == null || proximity.isBlank() ? null : QueryParameters.integer("proximity", proximity, 0, 1, 1_000_000);
        if (within != null && near.isEmpty()) {
            throw ProblemException.invalid("proximity", "needs a postcode to measure from");
        }
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select sal.id, sal.service_id, count(*) over () as total");
        String distance = null;
        if (near.isPresent()) {
            Position p = near.get().position();
            distance = "2 * " + Position.earthRadiusMetres() + " * asin(least(1, sqrt(power(sin(radians(l.latitude - " + p.latitude()
                    + ") / 2), 2) + cos(radians(" + p.latitude() + ")) * cos(radians(l.latitude)) * power(sin(radians(l.longitude - "
                    + p.longitude() + ") / 2), 2))))";
        }
        sql.append(" from service_at_location sal join service s on s.id = sal.service_id join location l on l.id = sal.location_id where true");
        if (ServiceFeedResource.blankToNull(search) != null) {
            sql.append(" and s.search_vector @@ websearch_to_tsquery('english', ?)");
            params.add(search.strip());
        }
        if (ServiceFeedResource.blankToNull(termId) != null) {
            sql.append(" and ? = any(s.term_ids)");
            params.add(termId.strip());
        }
        if (ServiceFeedResource.blankToNull(taxonomyId) != null) {
            sql.append(" and ? = any(s.taxonomy_ids)");
            params.add(taxonomyId.strip());
        }
        if (ServiceFeedResource.blankToNull(organizationId) != null) {
            sql.append(" and s.organization_id = ?");
            params.add(organizationId.strip());
        }
        if (distance != null && within != null) {
            sql.append(" and l.latitude is not null and ").append(distance).append(" <= ?");
            params.add(within.doubleValue());
        }
        sql.append(distance == null ? " order by sal.id" : " order by " + distance + " nulls last, sal.id").append(" limit ? offset ?");
        params.add(perPage);
        params.add((page - 1) * perPage);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            Jdbc.setAll(ps, params.toArray());
            Map<String, String> salServices = new LinkedHashMap<>();
            long total = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    salServices.put(rs.getString(1), rs.getString(2));
                    total = rs.getLong(3);
                }
            }
            Map<String, HsdsService> services = new HashMap<>();
            entries.read(salServices.values().stream().distinct().toList(), EntryReader.Shape.FULL).forEach(s -> services.put(s.id(), s));
            List<HsdsServiceAtLocation> contents = new ArrayList<>();
            salServices.forEach((salId, serviceId) -> of(services.get(serviceId), salId, false).ifPresent(contents::add));
            return HsdsPage.of(contents, total, page, perPage);
        } catch (SQLException e) {
            throw Jdbc.failed(e);
        }
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(summary = "A service at a location with everything nested (ORUK)")
    public HsdsServiceAtLocation get(@PathParam("id") String id) {
        String serviceId;
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select service_id from service_at_location where id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw ProblemException.notFound("service_at_location");
                }
                serviceId = rs.getString(1);
            }
        } catch (SQLException e) {
            throw Jdbc.failed(e);
        }
        return entries.read(serviceId, EntryReader.Shape.FULL).flatMap(s -> of(s, id, true))
                .orElseThrow(() -> ProblemException.notFound("service_at_location"));
    }

    /** The list form carries the service's one-to-one fields; the full form nests the service without its other locations. */
    private static Optional<HsdsServiceAtLocation> of(HsdsService s, String salId, boolean full) {
        if (s == null) {
            return Optional.empty();
        }
        return s.serviceAtLocations().stream().filter(sal -> sal.id().equals(salId)).findFirst().map(sal -> {
            HsdsService.Location l = sal.location();
            HsdsService.Location location = full ? l : new HsdsService.Location(l.id(), l.locationType(), l.organizationId(), l.name(),
                    l.alternateName(), l.description(), l.url(), l.latitude(), l.longitude(), l.externalIdentifier(),
                    l.externalIdentifierType(), List.of(), List.of());
            HsdsService service = new HsdsService(s.id(), s.organizationId(), s.name(), s.alternateName(), s.description(), s.url(),
                    s.email(), s.status(), s.interpretationServices(), s.applicationProcess(), s.feesDescription(), s.waitTime(),
                    s.accreditations(), s.eligibilityDescription(), s.minimumAge(), s.maximumAge(), s.assuredDate(), s.assurerEmail(),
                    s.alert(), s.lastModified(), s.placesAvailable(), s.maximumPlaces(), s.organization(), List.of(),
                    full ? s.schedules() : List.of(), full ? s.costOptions() : List.of(), full ? s.languages() : List.of(),
                    full ? s.serviceAreas() : List.of(), full ? s.contacts() : List.of(), full ? s.phones() : List.of(),
                    full ? s.attributes() : List.of());
            return new HsdsServiceAtLocation(sal.id(), s.id(), l.id(), sal.description(), location, service);
        });
    }
}
