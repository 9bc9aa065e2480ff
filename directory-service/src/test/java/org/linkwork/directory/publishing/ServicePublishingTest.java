package org.linkwork.directory.publishing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.linkwork.directory.taxonomy.LinkworkTaxonomy;
import org.linkwork.events.DirectoryServiceChanged;
import org.linkwork.events.EventJson;
import org.linkwork.platform.testing.LinkworkTestResources;
import org.linkwork.platform.testing.TestTokens;
import org.linkwork.platform.testing.TopicProbe;

@QuarkusTest
@WithTestResource(LinkworkTestResources.class)
class ServicePublishingTest {

    static final String ORG = "org-leeds-walking";

    static String provider(String org) {
        return TestTokens.bearer("provider.demo", "provider", org);
    }

    static String walk(String id, String org, String placesAndExtras) {
        return """
                {"id":"%1$s","name":"Walk and talk","description":"A gentle weekly walk with a cuppa after","status":"active",%3$s
                 "organization":{"id":"%2$s","name":"Leeds Walking Network","description":"Volunteer-led walks"},
                 "service_at_locations":[{"id":"%1$s-sal","location":{"id":"%1$s-loc","location_type":"physical","name":"Hyde Park",
                   "latitude":53.8125,"longitude":-1.5645,
                   "addresses":[{"id":"%1$s-addr","address_1":"Hyde Park Corner","city":"Leeds","state_province":"West Yorkshire",
                     "postal_code":"ls6 1aa","country":"GB","address_type":"physical"}]}}],
                 "attributes":[{"taxonomy_term":{"code":"physical-activity"}},{"taxonomy_term":{"code":"loneliness"}}]}"""
                .formatted(id, org, placesAndExtras);
    }

    static String newId() {
        return "svc-" + UUID.randomUUID();
    }

    /** The ETag a client reads before it changes a service. */
    static String etag(String id) {
        return given().get("/services/" + id).then().statusCode(200).extract().header("ETag");
    }

    @Test
    void aProviderPublishesAServiceAndAnyoneCanReadItAsHsds() {
        String id = newId();
        given().header("Authorization", provider(ORG)).contentType("application/json").body(walk(id, ORG, "\"places_available\":12,"))
                .put("/services/" + id)
                .then().statusCode(201)
                .body("id", equalTo(id))
                .body("organization.id", equalTo(ORG));

        given().get("/services/" + id).then().statusCode(200)
                .body("name", equalTo("Walk and talk"))
                .body("status", equalTo("active"))
                .body("places_available", equalTo(12))
                .body("service_at_locations[0].location.addresses[0].postal_code", equalTo("LS6 1AA"))
                .body("attributes.taxonomy_term.code", containsInAnyOrder("loneliness", "physical-activity"))
                .body("attributes.taxonomy_term.taxonomy", hasItem("urn:linkwork:need"))
                .body("attributes.taxonomy_term.taxonomy_id", hasItem(LinkworkTaxonomy.NEEDS.id()))
                .body("$", not(hasKey("url")))
                .body("$", not(hasKey("maximum_age")));
    }

    @Test
    void eachChangePublishesAFullSnapshotKeyedByService() {
        String id = newId();
        given().header("Authorization", provider(ORG)).contentType("application/json").body(walk(id, ORG, "\"places_available\":12,"))
                .put("/services/" + id).then().statusCode(201);
        given().header("Authorization", provider(ORG)).header("If-Match", etag(id)).contentType("application/json")
                .body(walk(id, ORG, "\"places_available\":3,")).put("/services/" + id).then().statusCode(200)
                .body("places_available", equalTo(3));

        List<ConsumerRecord<String, String>> records = TopicProbe.awaitRecords(List.of("directory-service-changed"),
                seen -> seen.stream().filter(r -> id.equals(r.key())).count() == 2, Duration.ofSeconds(20));
        List<DirectoryServiceChanged> snapshots = records.stream().filter(r -> id.equals(r.key()))
                .map(r -> EventJson.read(r.value(), DirectoryServiceChanged.class)).toList();
        DirectoryServiceChanged latest = snapshots.get(1);
        assertThat(latest.placesAvailable()).isEqualTo(3);
        assertThat(latest.version()).isGreaterThan(snapshots.get(0).version());
        assertThat(latest.taxonomyCodes()).containsExactly("loneliness", "physical-activity");
        assertThat(latest.deliveryModes()).containsExactly("in-person");
        assertThat(latest.organizationId()).isEqualTo(ORG);
        assertThat(latest.locations()).singleElement().satisfies(p -> {
            assertThat(p.postcode()).isEqualTo("LS6 1AA");
            assertThat(p.latitude()).isEqualTo(53.8125);
        });
    }

    @Test
    void deletingPublishesATombstone() {
        String id = newId();
        given().header("Authorization", provider(ORG)).contentType("application/json").body(walk(id, ORG, ""))
                .put("/services/" + id).then().statusCode(201);
        given().header("Authorization", provider(ORG)).delete("/services/" + id).then().statusCode(204);
        given().get("/services/" + id).then().statusCode(404).contentType("application/problem+json");

        List<ConsumerRecord<String, String>> records = TopicProbe.awaitRecords(List.of("directory-service-changed"),
                seen -> seen.stream().anyMatch(r -> id.equals(r.key()) && r.value() == null), Duration.ofSeconds(20));
        assertThat(records.stream().filter(r -> id.equals(r.key())).map(ConsumerRecord::value).toList())
                .hasSize(2).last().isNull();
    }

    @Test
    void providersEditOnlyTheirOwnOrganisationsServices() {
        String id = newId();
        given().header("Authorization", provider(ORG)).contentType("application/json").body(walk(id, ORG, ""))
                .put("/services/" + id).then().statusCode(201);

        // publishing for another organisation
        String foreign = newId();
        given().header("Authorization", provider("org-other")).contentType("application/json").body(walk(foreign, ORG, ""))
                .put("/services/" + foreign).then().statusCode(403).contentType("application/problem+json");
        // taking over another organisation's service under one's own organisation
        given().header("Authorization", provider("org-other")).contentType("application/json").body(walk(id, "org-other", ""))
                .put("/services/" + id).then().statusCode(404);
        given().header("Authorization", provider("org-other")).delete("/services/" + id).then().statusCode(404);
        // admins may edit any
        given().header("Authorization", TestTokens.bearer("admin.demo", "admin", null)).header("If-Match", etag(id))
                .contentType("application/json").body(walk(id, ORG, "\"places_available\":1,")).put("/services/" + id).then().statusCode(200);
        for (String role : List.of("referrer", "link-worker", "analyst")) {
            given().header("Authorization", TestTokens.bearer("someone", role, ORG)).contentType("application/json")
                    .body(walk(id, ORG, "")).put("/services/" + id).then().statusCode(403);
            given().header("Authorization", TestTokens.bearer("someone", role, ORG)).delete("/services/" + id).then().statusCode(403);
        }
        given().contentType("application/json").body(walk(id, ORG, "")).put("/services/" + id).then().statusCode(401);
        given().delete("/services/" + id).then().statusCode(401);
        given().get("/services/" + id).then().statusCode(200).body("places_available", equalTo(1));
    }

    @Test
    void listsArePaged() {
        for (int i = 0; i < 3; i++) {
            String id = newId();
            given().header("Authorization", provider(ORG)).contentType("application/json").body(walk(id, ORG, ""))
                    .put("/services/" + id).then().statusCode(201);
        }
        int total = given().get("/services?per_page=2").then().statusCode(200)
                .body("page_number", equalTo(1)).body("size", equalTo(2)).body("first_page", equalTo(true))
                .extract().path("total_items");
        assertThat(total).isGreaterThanOrEqualTo(3);
        given().get("/services?per_page=0").then().statusCode(400).contentType("application/problem+json");
        given().get("/services?page=abc").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("page"));
    }
}
