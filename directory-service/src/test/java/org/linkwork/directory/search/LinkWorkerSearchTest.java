package org.linkwork.directory.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.linkwork.directory.Fixtures;
import org.linkwork.directory.taxonomy.LinkworkTaxonomy;
import org.linkwork.platform.testing.LinkworkTestResources;
import org.linkwork.platform.testing.TestTokens;

/** Services in the Highlands, where no other test puts any, so that each search sees only these. */
@QuarkusTest
@WithTestResource(LinkworkTestResources.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LinkWorkerSearchTest {

    final String org = "org-" + Fixtures.uuid();
    final String walk = "walk-" + Fixtures.uuid();
    final String choir = "choir-" + Fixtures.uuid();
    final String phone = "phone-" + Fixtures.uuid();
    final String farWalk = "far-" + Fixtures.uuid();

    private boolean published;

    /** Once per class; in @BeforeEach because RestAssured knows the test port only from there. */
    @BeforeEach
    void publish() {
        if (published) {
            return;
        }
        published = true;
        put(walk, "Highland walking group", "A gentle walk along the glen", 57.0, -3.0, "IV1 1AA", "TU", "10:00", "11:30", 0, 18, null,
                "step-free-access", 5, "walking-group");
        put(choir, "Highland choir", "Singing together on Wednesday evenings", 57.05, -3.0, "IV1 1AB", "WE", "18:00", "20:00", 3, 18, 25,
                "hearing-loop", 0, "choir");
        put(farWalk, "Glen walking group", "A longer walk in the hills", 57.5, -3.0, "IV2 2AA", "TU", "10:00", "12:00", 0, null, null,
                "seated-options", 2, "walking-group");
        String telephone = """
                {"id":"%1$s","name":"Highland telephone befriending","description":"A weekly friendly call","status":"active",
                 "organization":{"id":"%2$s","name":"Highland Connect","description":"Fictional"},
                 "service_at_locations":[{"location":{"id":"%1$s-loc","location_type":"virtual","name":"By telephone"}}],
                 "schedules":[{"byday":"MO","opens_at":"14:00","closes_at":"15:00","attending_type":"by phone"}],
                 "cost_options":[{"amount":0}],
                 "attributes":[{"taxonomy_term":{"code":"befriending"}},{"taxonomy_term":{"code":"telephone"}}]}""".formatted(phone, org);
        Fixtures.put(Fixtures.ADMIN, phone, telephone, 201);
    }

    private void put(String id, String name, String description, double lat, double lon, String postcode, String day, String opens,
            String closes, int cost, Integer minAge, Integer maxAge, String feature, int places, String activity) {
        String body = """
                {"id":"%1$s","name":"%2$s","description":"%3$s","status":"active",%4$s%5$s"places_available":%6$d,
                 "organization":{"id":"%7$s","name":"Highland Connect","description":"Fictional"},
                 "service_at_locations":[{"location":{"id":"%1$s-loc","location_type":"physical","name":"%2$s meeting point",
                   "latitude":%8$s,"longitude":%9$s,"addresses":[{"address_1":"Glen Road","city":"Inverness","state_province":"Highland",
                   "postal_code":"%10$s","country":"GB","address_type":"physical"}]}}],
                 "schedules":[{"freq":"WEEKLY","byday":"%11$s","opens_at":"%12$s","closes_at":"%13$s"}],
                 "cost_options":[{"amount":%14$d}],
                 "attributes":[{"taxonomy_term":{"code":"%15$s"}},{"taxonomy_term":{"code":"%16$s"}}]}"""
                .formatted(id, name, description, minAge == null ? "" : "\"minimum_age\":" + minAge + ",",
                        maxAge == null ? "" : "\"maximum_age\":" + maxAge + ",", places, org, lat, lon, postcode, day, opens, closes, cost,
                        activity, feature);
        Fixtures.put(Fixtures.ADMIN, id, body, 201);
    }

    private static RequestSpecification linkWorker() {
        return given().header("Authorization", Fixtures.linkWorker());
    }

    private static JsonPath search(Map<String, ?> params) {
        return linkWorker().queryParams(params).get("/search/services").then().statusCode(200).extract().jsonPath();
    }

    private static List<String> ids(JsonPath result) {
        return result.getList("contents.service.id", String.class);
    }

    @Test
    void wordsAreRankedAndTheDistanceIsReturned() {
        JsonPath near = search(Map.of("q", "walking", "postcode", "IV1 1AA", "within", 20000));
        assertThat(ids(near)).containsExactly(walk);
        assertThat(near.getDouble("contents[0].distance_metres")).isLessThan(1);
        assertThat(near.getList("contents[0].reasons.criterion", String.class)).containsExactly("text", "distance");
        assertThat(near.getString("contents[0].reasons[0].detail")).contains("the name");

        JsonPath wide = search(Map.of("q", "walking", "postcode", "IV1 1AA", "within", 100000));
        assertThat(ids(wide)).containsExactly(walk, farWalk);
        assertThat(wide.getDouble("contents[1].distance_metres")).isBetween(55000.0, 56500.0);
    }

    @Test
    void needsAreMetByActivityTypes() {
        JsonPath result = search(Map.of("need", "physical-activity", "lat", "57.0", "lon", "-3.0", "within", 100000));
        assertThat(ids(result)).containsExactly(walk, farWalk);
        assertThat(result.getString("contents[0].reasons.find { it.criterion == 'need' }.detail"))
                .isEqualTo("meets physical-activity (Walking group)");
        linkWorker().queryParam("need", "skydiving").get("/search/services").then().statusCode(400).body("errors.field", hasItem("need"));
    }

    @Test
    void openAtADayAndTime() {
        JsonPath tuesday = search(Map.of("day", "tue", "time", "10:30", "postcode", "IV1 1AA", "within", 10000));
        assertThat(ids(tuesday)).containsExactly(walk);
        assertThat(tuesday.getString("contents[0].reasons.find { it.criterion == 'schedule' }.detail")).isEqualTo("runs tue 10:00–11:30");
        assertThat(ids(search(Map.of("day", "tue", "time", "11:45", "postcode", "IV1 1AA", "within", 10000)))).isEmpty();
        assertThat(ids(search(Map.of("day", "wednesday", "postcode", "IV1 1AA", "within", 10000)))).containsExactly(choir);
    }

    @Test
    void freeAgeAccessibilityAndPlaces() {
        assertThat(ids(search(Map.of("free", "true", "postcode", "IV1 1AA", "within", 10000)))).containsExactly(walk);
        assertThat(ids(search(Map.of("age", "30", "postcode", "IV1 1AA", "within", 10000)))).containsExactly(walk);
        assertThat(ids(search(Map.of("age", "20", "postcode", "IV1 1AA", "within", 10000)))).containsExactly(walk, choir);
        JsonPath access = search(Map.of("accessibility", "limited-mobility", "postcode", "IV1 1AA", "within", 100000));
        assertThat(ids(access)).containsExactly(walk);
        assertThat(access.getString("contents[0].reasons.find { it.criterion == 'accessibility' }.detail")).isEqualTo("offers step-free-access");
        JsonPath places = search(Map.of("places_available", "true", "postcode", "IV1 1AA", "within", 10000));
        assertThat(ids(places)).containsExactly(walk);
        assertThat(places.getString("contents[0].reasons.find { it.criterion == 'places' }.detail")).isEqualTo("5 places available");
    }

    @Test
    void servicesByTelephoneAreFoundWhateverTheDistance() {
        // other tests' directories hold telephone services too: the words keep to this one
        JsonPath result = search(Map.of("q", "highland", "delivery_mode", "telephone", "postcode", "IV1 1AA", "within", 1000));
        assertThat(ids(result)).containsExactly(phone);
        assertThat(result.getString("contents[0].reasons.find { it.criterion == 'distance' }.detail")).isEqualTo("no travel: taken part in online or telephone");
        assertThat(ids(search(Map.of("delivery_mode", "in-person", "postcode", "IV1 1AA", "within", 1000)))).containsExactly(walk);
    }

    @Test
    void anUnknownPostcodeIsAClearError() {
        linkWorker().queryParam("postcode", "ZZ99 9ZZ").get("/search/services").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("postcode"));
        linkWorker().queryParam("postcode", "not a postcode").get("/search/services").then().statusCode(400).body("errors.field", hasItem("postcode"));
        linkWorker().queryParam("lat", "57").get("/search/services").then().statusCode(400).body("errors.field", hasItem("lon"));
        linkWorker().queryParam("within", "1000").get("/search/services").then().statusCode(400).body("errors.field", hasItem("within"));
        linkWorker().queryParam("time", "10:00").get("/search/services").then().statusCode(400).body("errors.field", hasItem("time"));
        given().queryParam("postcode", "ZZ99 9ZZ").get("/services").then().statusCode(400).body("errors.field", hasItem("postcode"));
    }

    @Test
    void theOpenFeedFiltersTheSameWay() {
        JsonPath feed = given().queryParams(Map.of("postcode", "IV1 1AA", "proximity", 10000)).get("/services").then().statusCode(200)
                .extract().jsonPath();
        assertThat(feed.getList("contents.id", String.class)).containsExactly(walk, choir);
        assertThat(given().queryParams(Map.of("taxonomy_term_id", LinkworkTaxonomy.NEEDS.termId("physical-activity"), "organization_id", org))
                .get("/services").then().statusCode(200).extract().jsonPath().getList("contents.id", String.class))
                .containsExactlyInAnyOrder(walk, farWalk);
        assertThat(given().queryParams(Map.of("search", "singing", "organization_id", org)).get("/services").then().extract().jsonPath()
                .getList("contents.id", String.class)).containsExactly(choir);
        given().queryParams(Map.of("organization_id", org, "minimal", "true")).get("/services").then().statusCode(200)
                .body("total_items", equalTo(4)).body("contents[0].last_modified", notNullValue());
        given().queryParams(Map.of("organization_id", org, "day", "MO")).get("/services").then().body("contents.id", equalTo(List.of(phone)));
        given().queryParams(Map.of("postcode", "IV1 1AA", "proximity", 10000)).get("/service_at_locations").then().statusCode(200)
                .body("contents.service_id", equalTo(List.of(walk, choir)));
    }

    @Test
    void onlyLinkWorkersReferrersAndAdminsSearch() {
        for (String role : List.of("link-worker", "referrer", "admin")) {
            given().header("Authorization", TestTokens.bearer("someone", role, "Y90001")).get("/search/services").then().statusCode(200);
        }
        for (String role : List.of("provider", "analyst")) {
            given().header("Authorization", TestTokens.bearer("someone", role, "Y90001")).get("/search/services").then().statusCode(403);
        }
        given().get("/search/services").then().statusCode(401);
    }
}
