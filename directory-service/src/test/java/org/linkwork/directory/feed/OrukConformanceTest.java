package org.linkwork.directory.feed;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.linkwork.directory.Fixtures;
import org.linkwork.platform.testing.LinkworkTestResources;

/**
 * Real responses of the open feed, validated against the Open Referral UK 3.0 JSON Schemas in
 * {@code shared/standards/oruk-3.0} (the compiled, nested ones), with format assertions on. The one
 * known deviation is allowed and named: the Linkwork taxonomies keep readable ids
 * ({@code linkwork-needs:loneliness}) where ORUK asks for UUIDs.
 */
@QuarkusTest
@WithTestResource(LinkworkTestResources.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrukConformanceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private Path standards;
    final String org = Fixtures.uuid();
    final String service = Fixtures.uuid();
    final String sal = Fixtures.uuid();

    private boolean published;

    /** Once per class; in @BeforeEach because RestAssured knows the test port only from there. */
    @BeforeEach
    void publish() {
        if (published) {
            return;
        }
        published = true;
        standards = standards();
        String body = Fixtures.richWalk(service, org, 53.81, -1.56, "LS6 3AA", "\"url\":\"https://example.org/walks\",\"email\":\"walks@example.org\",")
                .replace(service + "-sal", sal).replace(service + "-loc", Fixtures.uuid());
        Fixtures.put(Fixtures.ADMIN, service, body, 201);
        String virtual = Fixtures.uuid();
        Fixtures.put(Fixtures.ADMIN, virtual, """
                {"id":"%s","name":"Phone befriending","status":"active","organization":{"id":"%s","name":"Riverside Walkers","description":"Volunteer-led walks"},
                 "service_at_locations":[{"id":"%s","location":{"id":"%s","location_type":"virtual","name":"By telephone"}}],
                 "attributes":[{"taxonomy_term":{"code":"befriending"}}]}""".formatted(virtual, org, Fixtures.uuid(), Fixtures.uuid()), 201);
    }

    @Test
    void theRootSaysWhatTheFeedIs() {
        JsonNode about = read(given().get("/"));
        for (String field : List.of("version", "profile", "openapi_url")) {
            assertThat(about.path(field).isTextual()).as(field).isTrue();
        }
        assertThat(about.get("profile").asText()).startsWith("https://");
    }

    @Test
    void aServiceConformsFullyNested() {
        JsonNode full = read(given().get("/services/" + service));
        assertConforms("compiled/service.json", full);
        assertThat(full.path("schedules").size()).isEqualTo(1);
        assertThat(full.path("cost_options").size()).isEqualTo(1);
        assertThat(full.path("service_at_locations").get(0).path("location").path("addresses").size()).isEqualTo(1);
    }

    @Test
    void theSchemasRejectWhatDoesNotConform() throws IOException {
        com.fasterxml.jackson.databind.node.ObjectNode broken = (com.fasterxml.jackson.databind.node.ObjectNode) read(given().get("/services/" + service));
        broken.remove("name");
        broken.put("status", "sleeping");
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken.get("organization")).put("id", "not-a-uuid");
        Path file = standards.resolve("compiled/service.json");
        Set<ValidationMessage> messages = factory.getSchema(file.toUri(), JSON.readTree(file.toFile()), config).validate(broken);
        assertThat(messages).extracting(ValidationMessage::getType).contains("required", "enum", "format");
    }

    @Test
    void listsArePagesOfConformingServices() {
        JsonNode page = read(given().queryParam("organization_id", org).get("/services"));
        assertPage(page, 2);
        page.get("contents").forEach(item -> assertConforms("compiled/service_list.json", item));
        JsonNode full = read(given().queryParams(Map.of("organization_id", org, "full", "true")).get("/services"));
        full.get("contents").forEach(item -> assertConforms("compiled/service.json", item));
        JsonNode searched = read(given().queryParams(Map.of("search", "riverside walk", "postcode", "LS6 3AA", "proximity", 1000)).get("/services"));
        assertThat(searched.path("contents").findValuesAsText("id")).contains(service);
        searched.get("contents").forEach(item -> assertConforms("compiled/service_list.json", item));
    }

    @Test
    void servicesAtLocationsOrganisationsAndTaxonomiesConform() {
        assertConforms("compiled/service_at_location.json", read(given().get("/service_at_locations/" + sal)));
        JsonNode sals = read(given().queryParam("organization_id", org).get("/service_at_locations"));
        assertPage(sals, 2);
        sals.get("contents").forEach(item -> assertConforms("compiled/service_at_location_list.json", item));
        assertConforms("compiled/organization.json", read(given().get("/organizations/" + org)));
        assertConforms("compiled/organization.json", read(given().queryParam("full_service", "true").get("/organizations/" + org)));
        // other tests' organisations have readable ids; this one's is checked in the list
        JsonNode organisations = read(given().queryParams(Map.of("search", "Riverside Walkers", "per_page", 500)).get("/organizations"));
        List<JsonNode> ours = new ArrayList<>();
        organisations.get("contents").forEach(item -> {
            if (item.path("id").asText().equals(org)) {
                ours.add(item);
            }
        });
        assertThat(ours).hasSize(1);
        assertConforms("compiled/organization_list.json", ours.get(0));
        JsonNode taxonomies = read(given().get("/taxonomies"));
        taxonomies.get("contents").forEach(item -> assertConforms("taxonomy.json", item));
        assertConforms("taxonomy.json", read(given().get("/taxonomies/linkwork-activities")));
        read(given().queryParams(Map.of("taxonomy_id", "linkwork-activities", "per_page", 100)).get("/taxonomy_terms")).get("contents")
                .forEach(item -> assertConforms("taxonomy_term.json", item));
        assertConforms("taxonomy_term.json", read(given().get("/taxonomy_terms/linkwork-needs:loneliness")));
    }

    @Test
    void theFeedIsOpenToBrowsersAnywhere() {
        given().header("Origin", "https://elsewhere.example").get("/services").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "*");
        given().get("/services/not-there").then().statusCode(404).header("Access-Control-Allow-Origin", "*");
        given().header("Origin", "https://elsewhere.example").header("Access-Control-Request-Method", "GET").options("/services")
                .then().statusCode(204).header("Access-Control-Allow-Origin", "*");
    }

    /** A 200 response with the CORS header, no field sent null or empty, as JSON. */
    private JsonNode read(Response response) {
        response.then().statusCode(200).header("Access-Control-Allow-Origin", "*");
        try {
            JsonNode node = JSON.readTree(response.asString());
            List<String> empties = new ArrayList<>();
            findEmpty(node, "$", empties);
            assertThat(empties).as("empty optional fields are left out, not sent").isEmpty();
            return node;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void findEmpty(JsonNode node, String path, List<String> empties) {
        if (node.isNull() || (node.isTextual() && node.asText().isEmpty()) || (node.isContainerNode() && node.isEmpty() && !path.endsWith("contents"))) {
            empties.add(path);
        }
        node.fields().forEachRemaining(e -> findEmpty(e.getValue(), path + "." + e.getKey(), empties));
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                findEmpty(node.get(i), path + "[" + i + "]", empties);
            }
        }
    }

    private void assertPage(JsonNode page, int expected) {
        for (String field : List.of("total_items", "total_pages", "page_number", "size")) {
            assertThat(page.path(field).isInt()).as(field).isTrue();
        }
        for (String field : List.of("first_page", "last_page", "empty")) {
            assertThat(page.path(field).isBoolean()).as(field).isTrue();
        }
        assertThat(page.get("total_items").asInt()).isEqualTo(expected);
        assertThat(page.get("contents").isArray()).isTrue();
    }

    private void assertConforms(String schemaFile, JsonNode instance) {
        // loaded by its file URI, so that a relative $ref (taxonomy.json → taxonomy_term.json) resolves beside it
        JsonSchema schema;
        try {
            Path file = standards.resolve(schemaFile);
            schema = factory.getSchema(file.toUri(), JSON.readTree(file.toFile()), config);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Set<ValidationMessage> messages = schema.validate(instance);
        List<String> problems = messages.stream().filter(m -> !readableLinkworkId(m)).map(ValidationMessage::toString).toList();
        assertThat(problems).as("%s against %s", instance.path("id").asText(), schemaFile).isEmpty();
    }

    /** The named deviation: a Linkwork taxonomy or term id where ORUK's format is uuid. */
    private static boolean readableLinkworkId(ValidationMessage m) {
        return "format".equals(m.getType()) && m.getInstanceNode() != null && m.getInstanceNode().asText().startsWith("linkwork-");
    }

    /** The standards folder beside the checkout (the CI layout), found from the module upwards. */
    private static Path standards() {
        for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/standards/oruk-3.0");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("the ORUK 3.0 schemas (shared/standards/oruk-3.0) are not beside the checkout");
    }
}
