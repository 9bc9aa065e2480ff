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
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.linkwork.directory.entry.DirectoryEntries;
import org.linkwork.directory.entry.EntryReader;
import org.linkwork.directory.entry.Jdbc;
import org.linkwork.directory.hsds.HsdsPage;
import org.linkwork.directory.hsds.HsdsService;
import org.linkwork.platform.problem.ProblemException;
import org.linkwork.platform.problem.QueryParameters;

/** The organisations that run services (HSDS organization), open like the rest of the feed. */
@Path("/organizations")
@Produces(MediaType.APPLICATION_JSON)
public class OrganizationResource {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record HsdsOrganization(String id, String name, String description, String email, String website, String uri, String logo,
            List<HsdsService> services) {
    }

    final AgroalDataSource dataSource;
    final DirectoryEntries entries;

    OrganizationResource(AgroalDataSource dataSource, DirectoryEntries entries) {
        this.dataSource = dataSource;
        this.entries = entries;
    }

    @GET
    @PermitAll
    @Operation(summary = "List organisations, a page at a time")
    public HsdsPage<HsdsOrganization> list(@QueryParam("search") String search, @QueryParam("page") String pageParam,
            @QueryParam("per_page") String perPageParam) {
        int page = QueryParameters.integer("page", pageParam, 1, 1, 100_000);
        int perPage = QueryParameters.integer("per_page", perPageParam, 50, 1, 500);
        String text = ServiceFeedResource.blankToNull(search);
        String where = text == null ? "" : " where to_tsvector('english', name || ' ' || description) @@ websearch_to_tsquery('english', ?)";
        try (Connection c = dataSource.getConnection()) {
            List<HsdsOrganization> contents = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select * from organization" + where + " order by name, id limit ? offset ?")) {
                int i = 1;
                if (text != null) {
                    ps.setString(i++, text);
                }
                ps.setInt(i++, perPage);
                ps.setInt(i, (page - 1) * perPage);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        contents.add(organization(rs, List.of()));
                    }
                }
            }
            return HsdsPage.of(contents, TaxonomyResource.count(c, "select count(*) from organization" + where, text), page, perPage);
        } catch (SQLException e) {
            throw Jdbc.failed(e);
        }
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(summary = "An organisation with its services", description = "full_service=true nests each service fully.")
    public Response get(@PathParam("id") String id, @QueryParam("full_service") String fullService) {
        boolean full = FeedParameters.flag("full_service", fullService);
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select * from organization where id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw ProblemException.notFound("organization");
                }
                List<String> ids = new ArrayList<>();
                try (PreparedStatement services = c.prepareStatement("select id from service where organization_id = ? order by name, id")) {
                    services.setString(1, id);
                    try (ResultSet s = services.executeQuery()) {
                        while (s.next()) {
                            ids.add(s.getString(1));
                        }
                    }
                }
                long version = rs.getLong("version");
                HsdsOrganization body = organization(rs, entries.read(ids, full ? EntryReader.Shape.FULL : EntryReader.Shape.LIST));
                return Response.ok(body).tag(new EntityTag(String.valueOf(version))).build();
            }
        } catch (SQLException e) {
            throw Jdbc.failed(e);
        }
    }

    private static HsdsOrganization organization(ResultSet rs, List<HsdsService> services) throws SQLException {
        return new HsdsOrganization(rs.getString("id"), rs.getString("name"), rs.getString("description"), rs.getString("email"),
                rs.getString("website"), rs.getString("uri"), rs.getString("logo"), services);
    }
}
