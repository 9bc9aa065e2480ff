package org.linkwork.directory.publishing;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.linkwork.directory.entry.DirectoryEntries;
import org.linkwork.directory.entry.EntryWriter;
import org.linkwork.directory.entry.Jdbc;
import org.linkwork.directory.hsds.HsdsService;
import org.linkwork.platform.problem.Problem;
import org.linkwork.platform.problem.ProblemException;
import org.linkwork.platform.security.Caller;

/** A provider keeps its own organisation's details; admins any. Its services are republished with the change. */
@Path("/organizations")
@Produces(MediaType.APPLICATION_JSON)
public class OrganizationEditResource {

    final DirectoryEntries entries;
    final Caller caller;

    OrganizationEditResource(DirectoryEntries entries, Caller caller) {
        this.entries = entries;
        this.caller = caller;
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"provider", "admin"})
    @Transactional
    @Operation(summary = "Create or change your organisation", description = "Changing needs If-Match with its ETag.")
    public Response put(@PathParam("id") String id, @NotNull @Valid HsdsService.Organization request,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        if (!id.equals(request.id())) {
            throw ProblemException.invalid("id", "must be the id in the path, " + id);
        }
        if (!caller.belongsTo(id)) {
            throw new ProblemException(Problem.of("forbidden", "Forbidden", 403, "Providers change their own organisation only", List.of()));
        }
        try (Connection c = entries.connection()) {
            Long current = null;
            try (PreparedStatement ps = c.prepareStatement("select version from organization where id = ? for update")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        current = rs.getLong(1);
                    }
                }
            }
            Preconditions.check(ifMatch, null, current, true);
            EntryWriter.Ripples ripples = new EntryWriter.Ripples(new HashSet<>(), new HashSet<>());
            HsdsService.Organization o = new HsdsService.Organization(id, request.name().strip(), request.description(), request.email(),
                    request.website(), request.uri(), request.logo());
            new EntryWriter(c).writeOrganization(o, Instant.now(), ripples);
            // every service carries its organisation: each gets a new version and snapshot
            List<String> services = entries.servicesUsing(c, List.of(id), List.of());
            if (!services.isEmpty()) {
                entries.rewrite(c, services, entries.terms());
            }
            long version;
            try (PreparedStatement ps = c.prepareStatement("select version from organization where id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    version = rs.getLong(1);
                }
            }
            return (current == null ? Response.status(201) : Response.ok()).entity(o).tag(new EntityTag(String.valueOf(version))).build();
        } catch (SQLException e) {
            throw Jdbc.failed(e);
        }
    }
}
