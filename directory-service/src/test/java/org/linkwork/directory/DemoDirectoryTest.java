package org.linkwork.directory;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.linkwork.directory.feed.OrukSchemas.assertPage;
import static org.linkwork.directory.feed.OrukSchemas.read;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.linkwork.directory.feed.OrukSchemas;
import org.linkwork.platform.testing.LinkworkTestResources;

/**
 * The demo directory `./linkwork up` seeds is valid for this API, seeding it again changes nothing,
 * and a directory holding only it is a conforming Open Referral UK feed: every response of the open
 * feed validates against the ORUK 3.0 schemas with no exception. Runs in its own application (and
 * database), so the feed holds the demo and nothing else.
 */
@QuarkusTest
@TestProfile(DemoDirectoryTest.OnlyTheDemo.class)
@WithTestResource(LinkworkTestResources.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoDirectoryTest {

    /** Its own profile: a fresh application and database. */
    public static class OnlyTheDemo implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("linkwork.directory.review.enabled", "false");
        }
    }

    private final OrukSchemas schemas = new OrukSchemas();
    private final List<String> serviceIds = new ArrayList<>();
    private final List<String> bodies = new ArrayList<>();
    private boolean seeded;

    /** Seeds as `./linkwork up` does; in @BeforeEach because RestAssured knows the test port only from there. */
    @BeforeEach
    void seed() throws IOException {
        if (seeded) {
            return;
        }
        seeded = true;
        Path folder = Path.of(System.getProperty("user.dir")).resolve("../deploy/demo/services").normalize();
        List<Path> files;
        try (var list = Files.list(folder)) {
            files = list.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(6);
        for (Path file : files) {
            String body = Files.readString(file);
            String id = OrukSchemas.JSON.readTree(body).get("id").asText();
            given().header("Authorization", Fixtures.ADMIN).contentType("application/json").body(body).put("/services/" + id)
                    .then().statusCode(201);
            serviceIds.add(id);
            bodies.add(body);
        }
    }

    @Test
    void everyDemoServiceRepublishesUnchanged() {
        for (int i = 0; i < serviceIds.size(); i++) {
            String id = serviceIds.get(i);
            // what the seeding does on the next `./linkwork up`: read the ETag, put the same file
            String version = Fixtures.etag(id);
            given().header("Authorization", Fixtures.ADMIN).header("If-Match", version).contentType("application/json").body(bodies.get(i))
                    .put("/services/" + id).then().statusCode(200).header("ETag", version);
            given().get("/services/" + id).then().statusCode(200).body("schedules.size()", org.hamcrest.Matchers.greaterThan(0))
                    .body("cost_options.size()", org.hamcrest.Matchers.greaterThan(0));
        }
    }

    @Test
    void servicesCoveringLeedsAreFoundByAnyLeedsPostcode() {
        String befriending = "550a50ca-6b1b-306d-a6c7-5fe7fc774c42";
        var result = given().header("Authorization", Fixtures.linkWorker()).queryParams(Map.of("postcode", "LS6 1AB", "within", 500))
                .get("/search/services").then().statusCode(200).extract().jsonPath();
        assertThat(result.getList("contents.service.name", String.class))
                .containsExactlyInAnyOrder("Walk and talk, Hyde Park", "Telephone befriending", "Money and debt advice");
        assertThat(result.getString("contents.find { it.service.id == '" + befriending + "' }.reasons.find { it.criterion == 'distance' }.detail"))
                .isEqualTo("serves your area: LS6 1AB is inside its service area (Leeds)");
        assertThat(result.getDouble("contents.find { it.service.id == '" + befriending + "' }.distance_metres")).isZero();
    }

    @Test
    void theDemoFeedConformsWithNoException() {
        JsonNode root = read(given().get("/"));
        assertThat(root.path("version").asText()).isNotEmpty();

        JsonNode list = read(given().queryParam("per_page", 100).get("/services"));
        assertPage(list, serviceIds.size());
        list.get("contents").forEach(item -> schemas.assertConforms("compiled/service_list.json", item));
        JsonNode full = read(given().queryParams(Map.of("full", "true", "per_page", 100)).get("/services"));
        assertPage(full, serviceIds.size());
        full.get("contents").forEach(item -> schemas.assertConforms("compiled/service.json", item));
        for (String id : serviceIds) {
            schemas.assertConforms("compiled/service.json", read(given().get("/services/" + id)));
        }

        JsonNode organisations = read(given().queryParam("per_page", 100).get("/organizations"));
        assertThat(organisations.get("contents").size()).isEqualTo(6);
        organisations.get("contents").forEach(item -> {
            schemas.assertConforms("compiled/organization_list.json", item);
            String id = item.get("id").asText();
            schemas.assertConforms("compiled/organization.json", read(given().get("/organizations/" + id)));
            schemas.assertConforms("compiled/organization.json", read(given().queryParam("full_service", "true").get("/organizations/" + id)));
        });

        JsonNode taxonomies = read(given().get("/taxonomies"));
        assertThat(taxonomies.get("contents").size()).isEqualTo(6);
        taxonomies.get("contents").forEach(item -> {
            schemas.assertConforms("taxonomy.json", item);
            schemas.assertConforms("taxonomy.json", read(given().get("/taxonomies/" + item.get("id").asText())));
        });
        eachPage("/taxonomy_terms", term -> {
            schemas.assertConforms("taxonomy_term.json", term);
            schemas.assertConforms("taxonomy_term.json", read(given().get("/taxonomy_terms/" + term.get("id").asText())));
        });

        JsonNode sals = read(given().queryParam("per_page", 100).get("/service_at_locations"));
        assertThat(sals.get("contents").size()).isEqualTo(7);
        sals.get("contents").forEach(item -> {
            schemas.assertConforms("compiled/service_at_location_list.json", item);
            schemas.assertConforms("compiled/service_at_location.json", read(given().get("/service_at_locations/" + item.get("id").asText())));
        });
    }

    /** Every item of a paged list, page by page. */
    private static void eachPage(String path, Consumer<JsonNode> item) {
        int seen = 0;
        for (int page = 1; ; page++) {
            JsonNode body = read(given().queryParams(Map.of("page", page, "per_page", 20)).get(path));
            body.get("contents").forEach(item);
            seen += body.get("contents").size();
            if (body.get("last_page").asBoolean()) {
                assertThat(seen).isEqualTo(body.get("total_items").asInt());
                return;
            }
        }
    }
}
