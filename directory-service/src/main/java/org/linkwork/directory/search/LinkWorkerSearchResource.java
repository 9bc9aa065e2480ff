package org.linkwork.directory.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.agroal.api.AgroalDataSource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.linkwork.directory.entry.DirectoryEntries;
import org.linkwork.directory.entry.EntryReader;
import org.linkwork.directory.entry.Facets;
import org.linkwork.directory.entry.Jdbc;
import org.linkwork.directory.feed.FeedParameters;
import org.linkwork.directory.geocoding.Located;
import org.linkwork.directory.geocoding.PostcodeLocator;
import org.linkwork.directory.geocoding.Position;
import org.linkwork.directory.hsds.HsdsPage;
import org.linkwork.directory.hsds.HsdsService;
import org.linkwork.directory.taxonomy.Term;
import org.linkwork.directory.taxonomy.TermIndex;
import org.linkwork.events.Vocabulary;
import org.linkwork.platform.problem.ProblemException;
import org.linkwork.platform.problem.QueryParameters;

/**
 * The search link workers use every day: the feed's filters and more (needs, open at a day and time,
 * free, age, accessibility, delivery mode, places), distance returned, and why each result matched.
 */
@Path("/search/services")
@Produces(MediaType.APPLICATION_JSON)
public class LinkWorkerSearchResource {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Result(HsdsService service, Double distanceMetres, Double rank, List<Reason> reasons) {
    }

    final ServiceFinder finder;
    final DirectoryEntries entries;
    final PostcodeLocator postcodes;
    final AgroalDataSource dataSource;

    LinkWorkerSearchResource(ServiceFinder finder, DirectoryEntries entries, PostcodeLocator postcodes, AgroalDataSource dataSource) {
        this.finder = finder;
        this.entries = entries;
        this.postcodes = postcodes;
        this.dataSource = dataSource;
    }

    @GET
    @RolesAllowed({"link-worker", "referrer", "admin"})
    @Operation(summary = "Search active services with reasons",
            description = "q: words, ranked; need (repeat): need codes, met directly or by an activity type; postcode, or lat and lon, with "
                    + "within (metres) — distance returned, 0 for a service whose GeoJSON service area covers the place; day (mon…sun) and time (HH:MM): running then; free=true; age; accessibility "
                    + "(repeat): features or requirements; delivery_mode (repeat): in-person, online, telephone (online and telephone "
                    + "services are kept whatever the distance); places_available=true leaves out full services.")
    public HsdsPage<Result> search(@QueryParam("q") String text, @QueryParam("need") List<String> needs,
            @QueryParam("taxonomy_term_id") List<String> termIds, @QueryParam("postcode") String postcode, @QueryParam("lat") String lat,
            @QueryParam("lon") String lon, @QueryParam("within") String within, @QueryParam("day") String day,
            @QueryParam("time") String time, @QueryParam("free") String free, @QueryParam("age") String age,
            @QueryParam("accessibility") List<String> accessibility, @QueryParam("delivery_mode") List<String> modes,
            @QueryParam("places_available") String places, @QueryParam("page") String pageParam,
            @QueryParam("per_page") String perPageParam) {
        int page = QueryParameters.integer("page", pageParam, 1, 1, 100_000);
        int perPage = QueryParameters.integer("per_page", perPageParam, 20, 1, 100);
        TermIndex terms = entries.terms();
        List<String> needCodes = clean(needs);
        List<String> ids = new ArrayList<>();
        for (String need : needCodes) {
            ids.add(terms.need(need).map(Term::id).orElseThrow(() -> ProblemException.invalid("need", "not a need code: " + need)));
        }
        for (String id : clean(termIds)) {
            ids.add(terms.byId(id).map(Term::id).orElseThrow(() -> ProblemException.invalid("taxonomy_term_id", "no term " + id)));
        }
        Located near = place(postcode, lat, lon);
        Integer metres = within == null || within.isBlank() ? null : QueryParameters.integer("within", within, 0, 1, 1_000_000);
        if (metres != null && near == null) {
            throw ProblemException.invalid("within", "needs a postcode, or lat and lon, to measure from");
        }
        String dayCode = FeedParameters.day("day", day);
        java.time.LocalTime at = FeedParameters.time("time", time);
        if (at != null && dayCode == null) {
            throw ProblemException.invalid("time", "needs a day");
        }
        List<String> features = new ArrayList<>();
        for (String a : clean(accessibility)) {
            features.add(feature(a));
        }
        List<String> deliveryModes = clean(modes);
        for (String m : deliveryModes) {
            if (!Vocabulary.DELIVERY_MODES.contains(m)) {
                throw ProblemException.invalid("delivery_mode", "one of " + String.join(", ", Vocabulary.DELIVERY_MODES));
            }
        }
        Criteria criteria = Criteria.builder().text(text).termIds(ids).near(near, metres)
                .remoteOk(deliveryModes.contains("online") || deliveryModes.contains("telephone")).day(dayCode).opensAt(at)
                .freeOnly(FeedParameters.flag("free", free))
                .forAge(age == null || age.isBlank() ? null : QueryParameters.integer("age", age, 0, 0, 120))
                .features(features).deliveryModes(deliveryModes).placesAvailable(FeedParameters.flag("places_available", places))
                .activeOnly(true).build();
        ServiceFinder.Found found = finder.find(criteria, ServiceFinder.Order.RELEVANCE, page, perPage);
        List<String> hitIds = found.hits().stream().map(ServiceFinder.Hit::id).toList();
        Map<String, HsdsService> services = new HashMap<>();
        entries.read(hitIds, EntryReader.Shape.FULL).forEach(s -> services.put(s.id(), s));
        Map<String, Set<String>> textFields = criteria.hasText() ? textFields(hitIds, text) : Map.of();
        List<Result> results = new ArrayList<>();
        for (ServiceFinder.Hit hit : found.hits()) {
            HsdsService s = services.get(hit.id());
            if (s == null) {
                continue; // deleted between the two reads
            }
            Facets facets = Facets.of(s, terms);
            results.add(new Result(withoutAreas(s), hit.distanceMetres() == null ? null : Math.round(hit.distanceMetres()) * 1.0,
                    hit.rank(), Reasons.of(criteria, s, facets, terms, hit, textFields.getOrDefault(hit.id(), Set.of()), needCodes)));
        }
        return HsdsPage.of(results, found.total(), page, perPage);
    }

    private Located place(String postcode, String lat, String lon) {
        Optional<Located> byPostcode = FeedParameters.postcode("postcode", postcode, postcodes);
        if (byPostcode.isPresent()) {
            return byPostcode.get();
        }
        if ((lat == null || lat.isBlank()) != (lon == null || lon.isBlank())) {
            throw ProblemException.invalid(lat == null || lat.isBlank() ? "lat" : "lon", "give lat and lon together");
        }
        if (lat == null || lat.isBlank()) {
            return null;
        }
        return new Located(null, new Position(coordinate("lat", lat, 90), coordinate("lon", lon, 180)), "coordinates");
    }

    private static double coordinate(String name, String raw, double limit) {
        try {
            double v = Double.parseDouble(raw.strip());
            if (Math.abs(v) <= limit) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.invalid(name, "degrees from -" + (int) limit + " to " + (int) limit);
    }

    /** A requirement a person has, or a feature a place offers, as the feature that meets it. */
    static String feature(String code) {
        if (Vocabulary.ACCESSIBILITY_FEATURES.contains(code)) {
            return code;
        }
        return switch (code) {
            case "limited-mobility" -> "step-free-access";
            case "no-strenuous-activity" -> "low-intensity";
            default -> throw ProblemException.invalid("accessibility", "not an accessibility feature or requirement: " + code);
        };
    }

    /** Which of name and description the words were found in, for the reasons. */
    private Map<String, Set<String>> textFields(List<String> ids, String text) {
        Map<String, Set<String>> fields = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select id, to_tsvector('english', name) @@ websearch_to_tsquery('english', ?) as in_name,
                       to_tsvector('english', coalesce(description, '')) @@ websearch_to_tsquery('english', ?) as in_description
                from service where id = any(?)""")) {
            ps.setString(1, text);
            ps.setString(2, text);
            ps.setArray(3, Jdbc.textArray(c, ids));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Set<String> where = new LinkedHashSet<>();
                    if (rs.getBoolean("in_name")) {
                        where.add("the name");
                    }
                    if (rs.getBoolean("in_description")) {
                        where.add("the description");
                    }
                    fields.put(rs.getString("id"), where);
                }
            }
        } catch (SQLException e) {
            throw Jdbc.failed(e);
        }
        return fields;
    }

    /** The service as a result shows it: everything but service areas, whose extents can be large. */
    private static HsdsService withoutAreas(HsdsService s) {
        return new HsdsService(s.id(), s.organizationId(), s.name(), s.alternateName(), s.description(), s.url(), s.email(), s.status(),
                s.interpretationServices(), s.applicationProcess(), s.feesDescription(), s.waitTime(), s.accreditations(),
                s.eligibilityDescription(), s.minimumAge(), s.maximumAge(), s.assuredDate(), s.assurerEmail(), s.alert(), s.lastModified(),
                s.placesAvailable(), s.maximumPlaces(), s.organization(), s.serviceAtLocations(), s.schedules(), s.costOptions(),
                s.languages(), List.of(), s.contacts(), s.phones(), s.attributes());
    }

    private static List<String> clean(List<String> values) {
        if (values == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String v : values) {
            for (String part : v.split(",")) {
                if (!part.isBlank() && !out.contains(part.strip())) {
                    out.add(part.strip());
                }
            }
        }
        return out;
    }
}
