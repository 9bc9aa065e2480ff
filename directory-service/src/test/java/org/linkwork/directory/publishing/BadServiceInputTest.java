package org.linkwork.directory.publishing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.linkwork.platform.testing.LinkworkTestResources;

@QuarkusTest
@WithTestResource(LinkworkTestResources.class)
class BadServiceInputTest {

    private static ValidatableResponse put(String id, String body) {
        return given().header("Authorization", ServicePublishingTest.provider(ServicePublishingTest.ORG))
                .contentType("application/json").body(body).put("/services/" + id)
                .then().contentType("application/problem+json").body(not(containsString("Exception")));
    }

    private static String valid(String id) {
        return ServicePublishingTest.walk(id, ServicePublishingTest.ORG, "");
    }

    @Test
    void fieldErrorsNameTheHsdsField() {
        String id = ServicePublishingTest.newId();
        put(id, valid(id).replace("\"code\":\"loneliness\"", "\"code\":\"skydiving\"")).statusCode(400)
                .body("errors.field", hasItem("attributes[1].taxonomy_term.code"));
        put(id, valid(id).replace("\"name\":\"Walk and talk\",", "")).statusCode(400)
                .body("errors.field", hasItem("name"));
        put(id, valid(id).replace("\"status\":\"active\"", "\"status\":\"sleeping\"")).statusCode(400)
                .body("errors.field", hasItem("status"));
        put(id, valid(id).replace("53.8125", "253.8")).statusCode(400)
                .body("errors.field", hasItem("service_at_locations[0].location.latitude"));
        put(id, valid(id).replace("ls6 1aa", "nowhere")).statusCode(400)
                .body("errors.field", hasItem("service_at_locations[0].location.addresses[0].postal_code"));
        put(id, valid(id).replace("\"latitude\":53.8125,", "\"latitude\":\"north\",")).statusCode(400)
                .body("errors.field", hasItem("service_at_locations[0].location.latitude"));
        put(id, valid("svc-other")).statusCode(400).body("errors.field", hasItem("id"));
        put(id, valid(id).replace("\"status\":\"active\",", "\"status\":\"active\",\"colour\":\"blue\",")).statusCode(400)
                .body("errors.field", hasItem("colour"));
        put(id, "{\"name\": ").statusCode(400).body("type", equalTo("urn:linkwork:problem:malformed-json"));
        put(id, valid(id).replace("A gentle weekly walk", "x".repeat(5000))).statusCode(400)
                .body("errors.field", hasItem("description"));
        given().get("/services/" + id).then().statusCode(404);
    }
}
