package org.linkwork.directory.feed;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.linkwork.directory.entry.DirectoryEntries;
import org.linkwork.directory.entry.EntryReader;
import org.linkwork.directory.geocoding.Located;
import org.linkwork.directory.geocoding.PostcodeLocator;
import org.linkwork.directory.hsds.HsdsPage;
import org.linkwork.directory.hsds.HsdsService;
import org.linkwork.directory.search.Criteria;
import org.linkwork.directory.search.ServiceFinder;
import org.linkwork.platform.problem.ProblemException;
import org.linkwork.platform.problem.QueryParameters;

/** The Open Referral UK services feed: open to anyone, no token, as the ORUK rules require. */
@Path("/services")
@Produces(MediaType.APPLICATION_JSON)
public class ServiceFeedResource {

    /** {@code minimal=true}: just enough to see what changed. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record MinimalService(String id, Instant lastModified) {
    }

    final ServiceFinder finder;
    final DirectoryEntries entries;
    final PostcodeLocator postcodes;

    ServiceFeedResource(ServiceFinder finder, DirectoryEntries entries, PostcodeLocator postcodes) {
        this.finder = finder;
        this.entries = entries;
        this.postcodes = postcodes;
    }

    @GET
    @PermitAll
    @Operation(summary = "List services, a page at a time (ORUK)",
            description = "search: full text; postcode with proximity (metres) keeps services with a location within that distance or a GeoJSON "
                    + "service area covering the postcode, postcode alone sorts by distance (0 inside a service area); "
                    + "minimal=true lists id and last_modified; full=true nests everything.")
    public HsdsPage<?> list(@QueryParam("search") String search, @QueryParam("taxonomy_term_id") String termId,
            @QueryParam("taxonomy_id") String taxonomyId, @QueryParam("organization_id") String organizationId,
            @QueryParam("modified_after") String modifiedAfter, @QueryParam("postcode") String postcode,
            @QueryParam("proximity") String proximity, @QueryParam("minimum_age") String minimumAge,
            @QueryParam("maximum_age") String maximumAge, @QueryParam("day") String day, @QueryParam("start_time") String startTime,
            @QueryParam("end_time") String endTime, @QueryParam("page") String pageParam, @QueryParam("per_page") String perPageParam,
            @QueryParam("minimal") String minimalParam, @QueryParam("full") String fullParam) {
        boolean minimal = FeedParameters.flag("minimal", minimalParam);
        boolean full = FeedParameters.flag("full", fullParam);
        int page = QueryParameters.integer("page", pageParam, 1, 1, 1_000_000);
        int perPage = QueryParameters.integer("per_page", perPageParam, minimal ? 1000 : 50, 1, minimal ? 100_000 : full ? 100 : 500);
        Optional<Located> near = FeedParameters.postcode("postcode", postcode, postcodes);
        Integer within = proximity == null || proximity.isBlank() ? null : QueryParameters.integer("proximity", proximity, 0, 1, 1_000_000);
        if (within != null && near.isEmpty()) {
            throw ProblemException.invalid("proximity", "needs a postcode to measure from");
        }
        Criteria criteria = Criteria.builder().text(search).termIds(termId == null || termId.isBlank() ? List.of() : List.of(termId))
                .taxonomyId(blankToNull(taxonomyId)).organizationId(blankToNull(organizationId))
                .modifiedAfter(FeedParameters.instant("modified_after", modifiedAfter)).near(near.orElse(null), within)
                .ages(age("minimum_age", minimumAge), age("maximum_age", maximumAge)).day(FeedParameters.day("day", day))
                .window(FeedParameters.time("start_time", startTime), FeedParameters.time("end_time", endTime)).build();
        ServiceFinder.Found found = finder.find(criteria, ServiceFinder.Order.RELEVANCE, page, perPage);
        List<String> ids = found.hits().stream().map(ServiceFinder.Hit::id).toList();
        if (minimal) {
            List<MinimalService> contents = entries.read(ids, EntryReader.Shape.LIST).stream()
                    .map(s -> new MinimalService(s.id(), s.lastModified())).toList();
            return HsdsPage.of(contents, found.total(), page, perPage);
        }
        List<HsdsService> contents = entries.read(ids, full ? EntryReader.Shape.FULL : EntryReader.Shape.LIST);
        return HsdsPage.of(contents, found.total(), page, perPage);
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(summary = "A service with everything nested (ORUK); its ETag is what If-Match needs to change it")
    public Response get(@PathParam("id") String id) {
        HsdsService service = entries.read(id, EntryReader.Shape.FULL).orElseThrow(() -> ProblemException.notFound("service"));
        return Response.ok(service).tag(new EntityTag(String.valueOf(entries.version(id)))).build();
    }

    private static Integer age(String name, String raw) {
        return raw == null || raw.isBlank() ? null : QueryParameters.integer(name, raw, 0, 0, 120);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
