package org.linkwork.directory.entry;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.linkwork.directory.Fixtures;
import org.linkwork.events.DirectoryServiceChanged;
import org.linkwork.events.EventJson;
import org.linkwork.platform.testing.LinkworkTestResources;
import org.linkwork.platform.testing.TopicProbe;

@QuarkusTest
@WithTestResource(LinkworkTestResources.class)
class DirectoryModelTest {

    static final String ORG = "org-riverside";

    @Test
    void aRichServiceIsKeptWholeAndItsSnapshotCarriesEverythingMatchingReads() {
        String id = "svc-" + Fixtures.uuid();
        Fixtures.put(Fixtures.provider(ORG), id, Fixtures.richWalk(id, ORG, 53.80, -1.55, "ls2 7ab", ""), 201);

        given().get("/services/" + id).then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("organization_id", equalTo(ORG))
                .body("schedules[0].byday", equalTo("TU,TH"))
                .body("schedules[0].freq", equalTo("WEEKLY"))
                .body("schedules[0].service_id", equalTo(id))
                .body("cost_options[0].amount", equalTo(0.0f))
                .body("cost_options[0].currency", equalTo("GBP"))
                .body("languages.code", containsInAnyOrder("en", "pa"))
                .body("service_areas[0].name", equalTo("Leeds"))
                .body("contacts[0].phones[0].number", equalTo("0113 496 0000"))
                .body("service_at_locations[0].location.addresses[0].postal_code", equalTo("LS2 7AB"))
                .body("service_at_locations[0].location.addresses[0].id", notNullValue())
                .body("service_at_locations[0].location.accessibility[0].description", equalTo("Step-free route from the car park"))
                .body("attributes.taxonomy_term.code", hasItem("walking-group"))
                .body("attributes.find { it.taxonomy_term.code == 'walking-group' }.taxonomy_term.needs",
                        containsInAnyOrder("physical-activity", "loneliness", "nature"))
                .body("maximum_places", equalTo(12))
                .body("assured_date", equalTo(LocalDate.now().minusDays(10).toString()));

        DirectoryServiceChanged snapshot = latest(id, 1);
        assertThat(snapshot.taxonomyCodes()).containsExactly("loneliness", "nature", "physical-activity", "walking-group");
        assertThat(snapshot.schedule()).singleElement().satisfies(s -> {
            assertThat(s.days()).containsExactly("tue", "thu");
            assertThat(s.opensAt()).isEqualTo("10:00");
            assertThat(s.closesAt()).isEqualTo("11:30");
        });
        assertThat(snapshot.eligibility().minimumAge()).isEqualTo(18);
        assertThat(snapshot.eligibility().maximumAge()).isNull();
        assertThat(snapshot.eligibility().conditions()).containsExactly("respiratory");
        assertThat(snapshot.accessibilityFeatures()).containsExactly("step-free-access");
        assertThat(snapshot.languages()).containsExactly("en", "pa");
        assertThat(snapshot.setting()).isEqualTo("group");
        assertThat(snapshot.free()).isTrue();
        assertThat(snapshot.placesAvailable()).isEqualTo(10);
        assertThat(snapshot.maximumPlaces()).isEqualTo(12);
        assertThat(snapshot.assuredDate()).isEqualTo(LocalDate.now().minusDays(10));
        assertThat(snapshot.deliveryModes()).containsExactly("in-person");
        assertThat(snapshot.locations()).singleElement().satisfies(p -> assertThat(p.postcode()).isEqualTo("LS2 7AB"));
    }

    @Test
    void whatIsReadCanBePutBackAndChangesNothing() {
        String id = "svc-" + Fixtures.uuid();
        Fixtures.put(Fixtures.provider(ORG), id, Fixtures.richWalk(id, ORG, 53.80, -1.55, "LS2 7AB", ""), 201);
        String read = given().get("/services/" + id).then().statusCode(200).extract().asString();

        given().header("Authorization", Fixtures.provider(ORG)).header("If-Match", "\"1\"").contentType("application/json").body(read)
                .put("/services/" + id).then().statusCode(200).header("ETag", equalTo("\"1\""));
        // a changed copy is a new version
        given().header("Authorization", Fixtures.provider(ORG)).header("If-Match", "\"1\"").contentType("application/json")
                .body(read.replace("Riverside health walk", "Riverside walk")).put("/services/" + id).then().statusCode(200)
                .header("ETag", equalTo("\"2\"")).body("name", equalTo("Riverside walk"));
        assertThat(latest(id, 2).version()).isEqualTo(2);
    }

    @Test
    void twoEditorsCannotOverwriteEachOtherSilently() {
        String id = "svc-" + Fixtures.uuid();
        String body = Fixtures.richWalk(id, ORG, 53.80, -1.55, "LS2 7AB", "");
        Fixtures.put(Fixtures.provider(ORG), id, body, 201);
        String first = Fixtures.etag(id);
        given().header("Authorization", Fixtures.provider(ORG)).header("If-Match", first).contentType("application/json")
                .body(body.replace("\"places_available\":10", "\"places_available\":9")).put("/services/" + id).then().statusCode(200);
        // the second editor still holds the first ETag
        given().header("Authorization", Fixtures.provider(ORG)).header("If-Match", first).contentType("application/json")
                .body(body.replace("\"places_available\":10", "\"places_available\":4")).put("/services/" + id).then().statusCode(412)
                .contentType("application/problem+json").body("type", equalTo("urn:linkwork:problem:precondition-failed"))
                .body("currentEtag", equalTo("\"2\""));
        given().header("Authorization", Fixtures.provider(ORG)).contentType("application/json").body(body).put("/services/" + id)
                .then().statusCode(428).body("errors.field", hasItem("If-Match"));
        given().header("Authorization", Fixtures.provider(ORG)).header("If-None-Match", "*").contentType("application/json").body(body)
                .put("/services/" + id).then().statusCode(412);
        given().header("Authorization", Fixtures.provider(ORG)).header("If-Match", first).delete("/services/" + id).then().statusCode(412);
        given().get("/services/" + id).then().body("places_available", equalTo(9));
    }

    @Test
    void nestedRulesNameTheirFields() {
        String id = "svc-" + Fixtures.uuid();
        String body = Fixtures.richWalk(id, ORG, 53.80, -1.55, "LS2 7AB", "");
        given().header("Authorization", Fixtures.provider(ORG)).contentType("application/json")
                .body(body.replace("\"closes_at\":\"11:30\"", "\"closes_at\":\"09:30\"").replace("\"byday\":\"TU,TH\"", "\"byday\":\"2TU\"")
                        .replace("\"maximum_places\":12", "\"maximum_places\":8").replace("\"amount\":0", "\"amount\":-1")
                        .replace("\"code\":\"pa\"", "\"code\":\"not a language\""))
                .put("/services/" + id).then().statusCode(400)
                .body("errors.field", hasItem("cost_options[0].amount"))
                .body("errors.field", hasItem("languages[1].code"));
        given().header("Authorization", Fixtures.provider(ORG)).contentType("application/json")
                .body(body.replace("\"closes_at\":\"11:30\"", "\"closes_at\":\"09:30\"").replace("\"byday\":\"TU,TH\"", "\"byday\":\"2TU\"")
                        .replace("\"maximum_places\":12", "\"maximum_places\":8"))
                .put("/services/" + id).then().statusCode(400)
                .body("errors.field", containsInAnyOrder("schedules[0].closes_at", "schedules[0].byday", "places_available"));
        given().get("/services/" + id).then().statusCode(404);
    }

    @Test
    void aPhysicalLocationWithoutCoordinatesIsPlacedByAPostcodeTheDirectoryKnows() {
        String known = "svc-" + Fixtures.uuid();
        Fixtures.put(Fixtures.provider(ORG), known, Fixtures.richWalk(known, ORG, 53.9001, -1.6001, "LS29 9ZZ", ""), 201);
        String id = "svc-" + Fixtures.uuid();
        String body = Fixtures.richWalk(id, ORG, 0, 0, "LS29 9ZZ", "").replace("\"latitude\":0.0,\"longitude\":0.0,", "");
        Fixtures.put(Fixtures.provider(ORG), id, body, 201);
        given().get("/services/" + id).then().body("service_at_locations[0].location.latitude", equalTo(53.9001f));
        String unknown = Fixtures.richWalk(id + "x", ORG, 0, 0, "ZZ9 9ZZ", "").replace("\"latitude\":0.0,\"longitude\":0.0,", "");
        given().header("Authorization", Fixtures.provider(ORG)).contentType("application/json").body(unknown).put("/services/" + id + "x")
                .then().statusCode(400).body("errors.field", hasItem("service_at_locations[0].location.latitude"));
    }

    @Test
    void aProviderConfirmsItsEntryAndKeepsItsOrganisationAndLocationsCurrent() {
        String id = "svc-" + Fixtures.uuid();
        String org = "org-" + Fixtures.uuid();
        Fixtures.put(Fixtures.provider(org), id, Fixtures.richWalk(id, org, 53.80, -1.55, "LS2 7AB", "").replace("Riverside Walkers", "Old name"), 201);
        given().header("Authorization", Fixtures.provider(org)).post("/services/" + id + "/assurance").then().statusCode(200)
                .body("assured_date", equalTo(LocalDate.now(java.time.ZoneId.of("Europe/London")).toString()));

        String orgEtag = given().get("/organizations/" + org).then().statusCode(200).body("services", hasSize(1)).extract().header("ETag");
        given().header("Authorization", Fixtures.provider(org)).header("If-Match", orgEtag).contentType("application/json")
                .body("{\"id\":\"" + org + "\",\"name\":\"New name\",\"description\":\"Walks\"}").put("/organizations/" + org)
                .then().statusCode(200);
        given().header("Authorization", Fixtures.provider("org-other")).contentType("application/json")
                .body("{\"id\":\"" + org + "\",\"name\":\"Taken\",\"description\":\"x\"}").put("/organizations/" + org).then().statusCode(403);
        // the organisation's services are republished with its new name
        assertThat(latest(id, 3).organizationName()).isEqualTo("New name");

        String locEtag = given().get("/locations/" + id + "-loc").then().statusCode(200).extract().header("ETag");
        String location = given().get("/locations/" + id + "-loc").then().extract().asString().replace("Riverside park gate", "North gate");
        given().header("Authorization", Fixtures.provider("org-other")).header("If-Match", locEtag).contentType("application/json")
                .body(location).put("/locations/" + id + "-loc").then().statusCode(404);
        given().header("Authorization", Fixtures.provider(org)).header("If-Match", locEtag).contentType("application/json").body(location)
                .put("/locations/" + id + "-loc").then().statusCode(200).body("name", equalTo("North gate"));
        assertThat(latest(id, 4).locations().get(0).name()).isEqualTo("North gate");
    }

    static DirectoryServiceChanged latest(String id, int count) {
        List<ConsumerRecord<String, String>> records = TopicProbe.awaitRecords(List.of("directory-service-changed"),
                seen -> seen.stream().filter(r -> id.equals(r.key())).count() >= count, Duration.ofSeconds(20));
        List<DirectoryServiceChanged> mine = records.stream().filter(r -> id.equals(r.key()))
                .map(r -> EventJson.read(r.value(), DirectoryServiceChanged.class)).toList();
        assertThat(mine).hasSize(count);
        return mine.get(mine.size() - 1);
    }
}
