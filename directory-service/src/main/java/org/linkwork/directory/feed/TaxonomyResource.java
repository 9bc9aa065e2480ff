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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.linkwork.directory.entry.Jdbc;
import org.linkwork.directory.hsds.HsdsPage;
import org.linkwork.directory.hsds.HsdsService;
import org.linkwork.directory.taxonomy.Taxonomies;
import org.linkwork.platform.problem.ProblemException;
import org.linkwork.platform.problem.QueryParameters;

/**
 * The taxonomies (ORUK {@code /taxonomies}, {@code /taxonomy_terms}): the Linkwork needs, the demo
 * taxonomy of activity types (each term lists the needs it meets), accessibility features,
 * eligibility conditions, settings and delivery modes, and any taxonomy an import brought.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class TaxonomyResource {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record HsdsTaxonomy(String id, String name, String description, String uri, String version,
            List<HsdsService.TaxonomyTerm> taxonomyTerms) {
    }

    final AgroalDataSource dataSource;
    final Taxonomies taxonomies;

    TaxonomyResource(AgroalDataSource dataSource, Taxonomies taxonomies) {
        this.dataSource = dataSource;
        this.taxonomies = taxonomies;
    }

    @GET
    @Path("taxonomies")
    @PermitAll
    @Operation(summary = "List taxonomies (ORUK)")
    public HsdsPage<HsdsTaxonomy> taxonomies(@QueryParam("page") String pageParam, @QueryParam("per_page") String perPageParam) {
        int page = QueryParameters.integer("page", pageParam, 1, 1, 100_000);
        int perPage = QueryParameters.integer("per_page", perPageParam, 50, 1, 500);
        try (Connection c = dataSource.getConnection()) {
            List<HsdsTaxonomy> contents = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select * from taxonomy order by id limit ? offset ?")) {
                ps.setInt(1, perPage);
                ps.setInt(2, (page - 1) * perPage);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        contents.add(taxonomy(rs, List.of()));
                    }
                }
            }
            return HsdsPage.of(contents, count(c, "select count(*) from taxonomy", null), page, perPage);
        } catch (SQLException e) {
            throw Jdbc.failed(e);
        }
    }

    @GET
    @Path("taxonomies/{id}")
    @PermitAll
    @Operation(summary = "A taxonomy with its terms (ORUK)")
    public HsdsTaxonomy taxonomy(@PathParam("id") String id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("select * from taxonomy where id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw ProblemException.notFound("taxonomy");
                }
                return taxonomy(rs, Taxonomies.load(c, id, null).stream().map(t -> t.toHsds()).toList());
            }
        } catch (SQLException e) {
            throw Jdbc.failed(e);
        }
    }

    @GET
    @Path("taxonomy_terms")
    @PermitAll
    @Operation(summary = "List taxonomy terms, optionally of one taxonomy (ORUK)")
    public HsdsPage<HsdsService.TaxonomyTerm> terms(@QueryParam("taxonomy_id") String taxonomyId, @QueryParam("page") String pageParam,
            @QueryParam("per_page") String perPageParam) {
        int page = QueryParameters.integer("page", pageParam, 1, 1, 100_000);
        int perPage = QueryParameters.integer("per_page", perPageParam, 50, 1, 500);
        String taxonomy = ServiceFeedResource.blankToNull(taxonomyId);
        try (Connection c = dataSource.getConnection()) {
            List<HsdsService.TaxonomyTerm> contents = Taxonomies.load(c, taxonomy, new int[] {page, perPage}).stream()
                    .map(t -> t.toHsds()).toList();
            long total = count(c, "select count(*) from taxonomy_term" + (taxonomy == null ? "" : " where taxonomy_id = ?"), taxonomy);
            return HsdsPage.of(contents, total, page, perPage);
        } catch (SQLException e) {
            throw Jdbc.failed(e);
        }
    }

    @GET
    @Path("taxonomy_terms/{id}")
    @PermitAll
    @Operation(summary = "A taxonomy term (ORUK)")
    public HsdsService.TaxonomyTerm term(@PathParam("id") String id) {
        return taxonomies.indexKnowing(List.of(id)).byId(id).map(t -> t.toHsds())
                .orElseThrow(() -> ProblemException.notFound("taxonomy term"));
    }

    private static HsdsTaxonomy taxonomy(ResultSet rs, List<HsdsService.TaxonomyTerm> terms) throws SQLException {
        return new HsdsTaxonomy(rs.getString("id"), rs.getString("name"), rs.getString("description"), rs.getString("uri"),
                rs.getString("version"), terms);
    }

    static long count(Connection c, String sql, String param) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (param != null) {
                ps.setString(1, param);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
