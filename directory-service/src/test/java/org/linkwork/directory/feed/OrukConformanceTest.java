package org.linkwork.directory.feed;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.linkwork.directory.feed.OrukSchemas.assertPage;
import static org.linkwork.directory.feed.OrukSchemas.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.ValidationMessage;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.linkwork.directory.Fixtures;
import org.linkwork.directory.taxonomy.LinkworkTaxonomy;
import org.linkwork.platform.testing.LinkworkTestResources;

/**
 * Real responses of the open feed, validated against the Open Referral UK 3.0 JSON Schemas in
 * {@code shared/standards/oruk-3.0} (the compiled, nested ones), with format assertions on and no
 * exceptions: every id, the Linkwork taxonomies' and terms' included, is a UUID.
 */
@QuarkusTest
@WithTestResource(LinkworkTestResources.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrukConformanceTest {

    private final OrukSchemas schemas = new OrukSchemas();
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
    void theSchemasRejectWhatDoesNotConform() {
        com.fasterxml.jackson.databind.node.ObjectNode broken = (com.fasterxml.jackson.databind.node.ObjectNode) read(given().get("/services/" + service));
        broken.remove("name");
        broken.put("status", "sleeping");
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken.get("organization")).put("id", "not-a-uuid");
        // the readable ids the Linkwork taxonomies had before are refused too
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken.get("attributes").get(0).get("taxonomy_term")).put("id", "linkwork-needs:loneliness");
        Set<ValidationMessage> messages = schemas.validate("compiled/service.json", broken);
        assertThat(messages).extracting(ValidationMessage::getType).contains("required", "enum", "format");
        assertThat(messages).filteredOn(m -> "format".equals(m.getType())).extracting(m -> m.getInstanceNode().asText())
                .contains("not-a-uuid", "linkwork-needs:loneliness");
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
        JsonNode activities = read(given().get("/taxonomies/" + LinkworkTaxonomy.ACTIVITIES.id()));
        assertConforms("taxonomy.json", activities);
        assertThat(activities.path("uri").asText()).isEqualTo("urn:linkwork:activity");
        JsonNode terms = read(given().queryParams(Map.of("taxonomy_id", LinkworkTaxonomy.ACTIVITIES.id(), "per_page", 100)).get("/taxonomy_terms"));
        assertThat(terms.get("contents").size()).isEqualTo(25);
        terms.get("contents").forEach(item -> assertConforms("taxonomy_term.json", item));
        JsonNode loneliness = read(given().get("/taxonomy_terms/" + LinkworkTaxonomy.NEEDS.termId("loneliness")));
        assertConforms("taxonomy_term.json", loneliness);
        assertThat(loneliness.path("code").asText()).isEqualTo("loneliness");
        assertThat(loneliness.path("term_uri").asText()).isEqualTo("urn:linkwork:need:loneliness");
    }

    @Test
    void theFeedIsOpenToBrowsersAnywhere() {
        given().header("Origin", "https://elsewhere.example").get("/services").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "*");
        given().get("/services/not-there").then().statusCode(404).header("Access-Control-Allow-Origin", "*");
        given().header("Origin", "https://elsewhere.example").header("Access-Control-Request-Method", "GET").options("/services")
                .then().statusCode(204).header("Access-Control-Allow-Origin", "*");
    }

    private void assertConforms(String schemaFile, JsonNode instance) {
        schemas.assertConforms(schemaFile, instance);
    }
}
