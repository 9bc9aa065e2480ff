package org.linkwork.directory;

import static io.restassured.RestAssured.given;

import java.util.UUID;
import org.linkwork.platform.testing.TestTokens;

/** Services and tokens the directory's tests share. */
public final class Fixtures {

    public static final String ADMIN = TestTokens.bearer("admin.demo", "admin", null);

    private Fixtures() {
    }

    public static String provider(String org) {
        return TestTokens.bearer("provider.demo", "provider", org);
    }

    public static String linkWorker() {
        return TestTokens.bearer("lw.demo", "link-worker", "Y90001");
    }

    public static String uuid() {
        return UUID.randomUUID().toString();
    }

    /**
     * A rich service: a weekly Tuesday and Thursday morning walk at a physical place with step-free
     * access, free, for adults, in English and Punjabi, with a contact and places counted.
     */
    public static String richWalk(String id, String org, double lat, double lon, String postcode, String extras) {
        return """
                {"id":"%1$s","name":"Riverside health walk","description":"A gentle guided walk by the river, then tea","status":"active",
                 "minimum_age":18,"assured_date":"%6$s","places_available":10,"maximum_places":12,%7$s
                 "organization":{"id":"%2$s","name":"Riverside Walkers","description":"Volunteer-led walks"},
                 "service_at_locations":[{"id":"%1$s-sal","location":{"id":"%1$s-loc","location_type":"physical","name":"Riverside park gate",
                   "latitude":%3$s,"longitude":%4$s,
                   "addresses":[{"address_1":"Riverside Road","city":"Leeds","state_province":"West Yorkshire","postal_code":"%5$s",
                     "country":"GB","address_type":"physical"}],
                   "accessibility":[{"description":"Step-free route from the car park"}]}}],
                 "schedules":[{"freq":"WEEKLY","byday":"TU,TH","opens_at":"10:00","closes_at":"11:30","description":"Tuesdays and Thursdays"}],
                 "cost_options":[{"option":"Free","amount":0}],
                 "languages":[{"name":"English","code":"en"},{"name":"Punjabi","code":"pa"}],
                 "service_areas":[{"name":"Leeds","extent_type":"text","extent":"Leeds"}],
                 "contacts":[{"name":"Walk leader","phones":[{"number":"0113 496 0000","type":"voice"}]}],
                 "attributes":[{"taxonomy_term":{"code":"walking-group"}},{"taxonomy_term":{"code":"step-free-access"}},
                   {"taxonomy_term":{"code":"group"}},{"taxonomy_term":{"code":"respiratory"}}]}"""
                .formatted(id, org, lat, lon, postcode, java.time.LocalDate.now().minusDays(10), extras);
    }

    public static void put(String token, String id, String body, int status) {
        given().header("Authorization", token).contentType("application/json").body(body).put("/services/" + id).then().statusCode(status);
    }

    public static String etag(String id) {
        return given().get("/services/" + id).then().statusCode(200).extract().header("ETag");
    }
}
