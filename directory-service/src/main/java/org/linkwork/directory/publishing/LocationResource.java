package org.linkwork.directory.publishing;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.linkwork.directory.entry.DirectoryEntries;
import org.linkwork.directory.entry.EntryRules;
import org.linkwork.directory.entry.EntryWriter;
import org.linkwork.directory.entry.Jdbc;
import org.linkwork.directory.hsds.HsdsService;
import org.linkwork.platform.problem.ProblemException;
import org.linkwork.platform.security.Caller;

/** A location, with its address and accessibility, shared by the services an organisation runs there. */
@Path("/locations")
@Produces(MediaType.APPLICATION_JSON)
public class LocationResource {

    record Stored(HsdsService.Location location, long version) {
    }

    final DirectoryEntries entries;
    final Caller caller;

    LocationResource(DirectoryEntries entries, Caller caller) {
        this.entries = entries;
        this.caller = caller;
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(summary = "A location with its address and accessibility")
    public Response get(@PathParam("id") String id) {
        try (Connection c = entries.connection()) {
            Stored s = read(c, id, false).orElseThrow(() -> ProblemException.notFound("location"));
            return Response.ok(s.location()).tag(new EntityTag(String.valueOf(s.version()))).build();
        } catch (SQLException e) {
            throw Jdbc.failed(e);
        }
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"provider", "admin"})
    @Transactional
    @Operation(summary = "Change a location of your organisation", description = "Needs If-Match; the services there are republished.")
    public Response put(@PathParam("id") String id, @NotNull @Valid HsdsService.Location request,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        if (!id.equals(request.id())) {
            throw ProblemException.invalid("id", "must be the id in the path, " + id);
        }
        try (Connection c = entries.connection()) {
            Stored current = read(c, id, true).orElseThrow(() -> ProblemException.notFound("location"));
            String owner = current.location().organizationId();
            if (owner == null ? !caller.isAdmin() : !caller.belongsTo(owner)) {
                throw ProblemException.notFound("location");
            }
            Preconditions.check(ifMatch, null, current.version(), true);
            // the same rules as a location inside a service: canonical ids, postcode, coordinates
            HsdsService probe = new HsdsService("location-check", null, "location", null, null, null, null, HsdsService.Status.ACTIVE,
                    null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                    new HsdsService.Organization(owner == null ? "unowned" : owner, "-", "-", null, null, null, null),
                    List.of(new HsdsService.ServiceAtLocation("check", null, null, null, request)), null, null, null, null, null, null, null);
            EntryRules.Checked checked = entries.rules(entries.terms()).check(probe, "location-check");
            if (!checked.valid()) {
                throw ServiceEditor.invalid(checked.errors().stream().map(e -> new org.linkwork.platform.problem.Problem.FieldError(
                        e.field().replaceFirst("^service_at_locations\\[0\\]\\.location\\.?", "").replaceFirst("^$", "$"), e.message()))
                        .toList());
            }
            HsdsService.Location canonical = checked.service().serviceAtLocations().get(0).location();
            HsdsService.Location location = new HsdsService.Location(canonical.id(), canonical.locationType(), owner, canonical.name(),
                    canonical.alternateName(), canonical.description(), canonical.url(), canonical.latitude(), canonical.longitude(),
                    canonical.externalIdentifier(), canonical.externalIdentifierType(), canonical.addresses(), canonical.accessibility());
            new EntryWriter(c).writeLocation(location, Instant.now(), new EntryWriter.Ripples(new HashSet<>(), new HashSet<>()));
            List<String> services = entries.servicesUsing(c, List.of(), List.of(id));
            if (!services.isEmpty()) {
                entries.rewrite(c, services, entries.terms());
            }
            Stored after = read(c, id, false).orElseThrow();
            return Response.ok(after.location()).tag(new EntityTag(String.valueOf(after.version()))).build();
        } catch (SQLException e) {
            throw Jdbc.failed(e);
        }
    }

    private static Optional<Stored> read(Connection c, String id, boolean lock) throws SQLException {
        List<HsdsService.Accessibility> access = new java.util.ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select * from accessibility where location_id = ? order by id")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    access.add(new HsdsService.Accessibility(rs.getString("id"), id, rs.getString("description"), rs.getString("details"),
                            rs.getString("url")));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("select * from location where id = ?" + (lock ? " for update" : ""))) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Stored(org.linkwork.directory.entry.EntryReader.location(rs, access), rs.getLong("version")))
                        : Optional.empty();
            }
        }
    }
}
