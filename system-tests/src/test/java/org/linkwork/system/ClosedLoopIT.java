package org.linkwork.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The walking skeleton through the real platform: the broker, Keycloak and the five services as
 * packaged jars, started by {@code ./linkwork up}. It talks to the services only over HTTP with
 * Keycloak tokens and watches Kafka only as an outside consumer would.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClosedLoopIT {

    /** The demo walking organisation: provider.demo's and provider-leeds-walking's org_id in the dev realm. */
    static final String WALKING_ORG = "d84ea363-6785-3fa2-9184-8c27e37812d6";

    private final Platform platform = new Platform();
    private LifecycleTopics topics;
    private final String serviceId = "walk-" + UUID.randomUUID();

    @BeforeAll
    void startPlatform() {
        platform.up();
        topics = new LifecycleTopics(Platform.KAFKA);
    }

    @AfterAll
    void stopPlatform() throws InterruptedException {
        if (topics != null) {
            topics.close();
        }
        platform.down();
    }

    private static ConditionFactory eventually() {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).ignoreExceptions();
    }

    @Test
    @Order(1)
    void theClosedLoopRunsEndToEnd() {
        String provider = Platform.token("provider.demo");
        String gp = Platform.token("gp.demo");
        String linkWorker = Platform.token("lw.demo");
        String analyst = Platform.token("analyst.demo");
        Map<String, Integer> before = kpis(analyst);

        // 1. a provider publishes a walking group in Hyde Park
        given().header("Authorization", provider).contentType("application/json").body(walkingGroup(serviceId))
                .put(Platform.DIRECTORY + "/services/" + serviceId).then().statusCode(201);
        ConsumerRecord<String, String> published = eventually()
                .until(() -> topics.withKey("directory-service-changed", serviceId), records -> !records.isEmpty()).get(0);
        // matching reads the directory on its own topic: it must know the group before it scores the assessment
        eventually().until(() -> topics.consumedBy("matching-service", published));

        // 2. a GP refers a lonely, inactive person who lives nearby
        String referralId = refer(gp);
        given().header("Authorization", gp).get(Platform.REFERRALS + "/referrals/" + referralId)
                .then().statusCode(200).body("status", equalTo("received"));
        eventually().until(() -> kpis(analyst).get("received") == before.get("received") + 1);

        // 3. the link worker assesses: needs, preferences and place
        assess(linkWorker, referralId);

        // 4. matching proposes the walking group, with reasons
        JsonPath match = eventually().until(() -> given().header("Authorization", linkWorker)
                .get(Platform.MATCHING + "/matches/" + referralId).then().statusCode(200).extract().jsonPath(), m -> m != null);
        List<String> proposed = match.getList("proposals.serviceId");
        assertThat(proposed).contains(serviceId);
        Map<String, Object> ours = match.getList("proposals", Map.class).stream()
                .filter(p -> serviceId.equals(p.get("serviceId"))).findFirst().orElseThrow();
        assertThat((List<?>) ours.get("reasons")).isNotEmpty();

        // 5. the referral is matched, and the link worker and the referring practice are told
        eventually().untilAsserted(() -> given().header("Authorization", gp).get(Platform.REFERRALS + "/referrals/" + referralId)
                .then().statusCode(200).body("status", equalTo("matched")));
        eventually().until(() -> inbox(linkWorker, referralId).size() >= 1);
        eventually().until(() -> inbox(gp, referralId).size() >= 1);

        // 6. the KPIs moved
        eventually().until(() -> kpis(analyst).get("matched") >= before.get("matched") + 1);

        // 7. an outside consumer saw each step once per event, without personal data
        eventually().until(() -> List.of("referral-created", "referral-assessed", "match-proposed").stream()
                .noneMatch(topic -> topics.withKey(topic, referralId).isEmpty()));
        List<ConsumerRecord<String, String>> created = topics.withKey("referral-created", referralId);
        assertThat(created).hasSize(1);
        assertThat(created.get(0).value()).doesNotContain("Example", "07700").contains("LS6");
        assertThat(topics.withKey("referral-assessed", referralId)).hasSize(1);
        assertThat(LifecycleTopics.header(topics.withKey("match-proposed", referralId).get(0), "ce_type"))
                .isEqualTo("linkwork.match.proposed.v1");
    }

    @Test
    @Order(2)
    void aBrokerOutageLosesNothingAndAppliesNothingTwice() {
        String gp = Platform.token("gp.demo");
        String linkWorker = Platform.token("lw.demo");
        String analyst = Platform.token("analyst.demo");
        eventually().until(() -> kpis(analyst) != null);
        Map<String, Integer> before = kpis(analyst);

        platform.stop("kafka");
        // the services keep answering: the changes wait in each service's outbox
        String referralId = refer(gp);
        assess(linkWorker, referralId);
        // for a few seconds nothing can flow: without the broker the referral stays assessed
        Awaitility.await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6)).until(() -> "assessed".equals(
                given().header("Authorization", gp).get(Platform.REFERRALS + "/referrals/" + referralId).path("status")));
        platform.start("kafka");

        eventually().untilAsserted(() -> given().header("Authorization", gp).get(Platform.REFERRALS + "/referrals/" + referralId)
                .then().statusCode(200).body("status", equalTo("matched")));
        eventually().until(() -> kpis(analyst).get("matched") >= before.get("matched") + 1);
        eventually().until(() -> inbox(linkWorker, referralId).size() >= 1 && inbox(gp, referralId).size() >= 1);

        // nothing applied twice: each effect exactly once
        Map<String, Integer> after = kpis(analyst);
        assertThat(after.get("total")).isEqualTo(before.get("total") + 1);
        assertThat(after.get("matched")).isEqualTo(before.get("matched") + 1);
        for (String token : List.of(gp, linkWorker)) {
            List<String> titles = inbox(token, referralId);
            assertThat(new HashSet<>(titles)).as("no notification twice").hasSameSizeAs(titles);
        }
        // nothing lost: every lifecycle event of the referral reached the broker
        for (String topic : List.of("referral-created", "referral-assessed", "match-proposed")) {
            eventually().until(() -> !topics.withKey(topic, referralId).isEmpty());
            Set<String> ids = topics.withKey(topic, referralId).stream().map(r -> LifecycleTopics.header(r, "ce_id"))
                    .collect(Collectors.toSet());
            assertThat(ids).as(topic).hasSize(1);
        }
        eventually().untilAsserted(() -> assertThat(topics.withKey("referral-status-changed", referralId).stream()
                .map(r -> LifecycleTopics.header(r, "ce_id")).collect(Collectors.toSet()))
                .as("accepted, contacted, assessed, matched").hasSize(4));
    }

    @Test
    @Order(3)
    void aGpSystemRefersByFhirAndTheReferralIsAssignedContactedAndAssessed() {
        String partner = Platform.clientToken("partner-ehr-demo", "partner-ehr-demo-secret");
        String linkWorker = Platform.token("lw.demo");
        String nhs = nhsNumber();
        String serviceRequest = fhirReferral(nhs);

        var created = given().header("Authorization", partner).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType("application/fhir+json").body(serviceRequest)
                .post(Platform.REFERRALS + "/fhir/ServiceRequest").then().statusCode(201).contentType("application/fhir+json")
                .body("resourceType", equalTo("ServiceRequest")).body("status", equalTo("active")).extract();
        String referralId = created.path("id");
        assertThat(created.header("Location")).endsWith("/fhir/ServiceRequest/" + referralId);

        // assigned on arrival to the practice's team: lw.demo is its only member
        given().header("Authorization", linkWorker).get(Platform.REFERRALS + "/referrals/" + referralId).then().statusCode(200)
                .body("source", equalTo("fhir")).body("linkWorker", equalTo("lw.demo")).body("person.nhsNumber", equalTo(nhs));
        JsonPath caseload = given().header("Authorization", linkWorker).get(Platform.REFERRALS + "/caseload").then().statusCode(200)
                .extract().jsonPath();
        assertThat(caseload.getList("items.id", String.class)).contains(referralId);

        assess(linkWorker, referralId);
        eventually().untilAsserted(() -> given().header("Authorization", linkWorker).get(Platform.REFERRALS + "/referrals/" + referralId)
                .then().statusCode(200).body("status", equalTo("matched")));
        List<String> kinds = given().header("Authorization", linkWorker).get(Platform.REFERRALS + "/referrals/" + referralId + "/timeline")
                .then().statusCode(200).extract().jsonPath().getList("kind", String.class);
        assertThat(kinds).containsSubsequence("received", "assigned", "status", "status", "status", "assessed", "status");
        eventually().untilAsserted(() -> assertThat(topics.withKey("referral-assigned", referralId)).hasSize(1));
        // the FHIR read gives the same referral back
        given().header("Authorization", partner).get(Platform.REFERRALS + "/fhir/ServiceRequest/" + referralId).then().statusCode(200)
                .body("contained[0].identifier[0].value", equalTo(nhs));
    }

    @Test
    @Order(4)
    void aProviderTakesTheActivityReferralThroughToCompletionAndTheReferringSystemReadsItBack() {
        String partner = Platform.clientToken("partner-ehr-demo", "partner-ehr-demo-secret");
        String linkWorker = Platform.token("lw.demo");
        String provider = Platform.token("provider.demo");

        // the GP system refers by FHIR; the link worker assesses and matching proposes the walking group of step 1
        String referralId = given().header("Authorization", partner).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType("application/fhir+json").body(fhirReferral(nhsNumber()))
                .post(Platform.REFERRALS + "/fhir/ServiceRequest").then().statusCode(201).extract().path("id");
        assess(linkWorker, referralId);
        eventually().untilAsserted(() -> given().header("Authorization", linkWorker).get(Platform.REFERRALS + "/referrals/" + referralId)
                .then().statusCode(200).body("status", equalTo("matched")));
        eventually().until(() -> given().header("Authorization", linkWorker).get(Platform.MATCHING + "/matches/" + referralId)
                .then().extract().jsonPath().getList("proposals.serviceId"), ids -> ids != null && ids.contains(serviceId));

        // the link worker sends an activity referral to the provider that runs it
        String activityId = eventually().until(() -> given().header("Authorization", linkWorker).contentType("application/json")
                .body("{\"serviceId\":\"" + serviceId + "\",\"shareContact\":true}")
                .post(Platform.REFERRALS + "/referrals/" + referralId + "/activity-referrals").then().statusCode(201)
                .body("providerOrganization", equalTo(WALKING_ORG)).extract().path("id"), id -> id != null);

        // the provider's staff see it with the minimum about the person, and accept it
        JsonPath providerList = given().header("Authorization", provider).get(Platform.REFERRALS + "/activity-referrals").then()
                .statusCode(200).extract().jsonPath();
        Map<String, Object> sent = providerList.getList("items", Map.class).stream().filter(a -> activityId.equals(a.get("id")))
                .findFirst().orElseThrow();
        assertThat(sent.get("status")).isEqualTo("requested");
        assertThat(sent.toString()).contains("Ann").doesNotContain("Example", "LS6 2AA", "1950-03-02");
        // the provider's own system sees the same Task over FHIR with its client credentials
        String providerSystem = Platform.clientToken("provider-leeds-walking", "provider-leeds-walking-secret");
        List<String> taskIds = given().header("Authorization", providerSystem)
                .get(Platform.REFERRALS + "/fhir/Task?owner=Organization/" + WALKING_ORG + "&_sort=-_lastUpdated").then().statusCode(200)
                .extract().jsonPath().getList("entry.resource.id", String.class);
        assertThat(taskIds).contains(activityId);

        runTheActivity(provider, activityId);

        // the referral followed, and the referring system reads "completed" back, as JSON and as FHIR
        given().header("Authorization", partner).get(Platform.REFERRALS + "/referrals/" + referralId + "/summary").then()
                .statusCode(200).body("status", equalTo("completed")).body("outcome", equalTo("completed"))
                .body("code.code", equalTo("871731000000106")).body("activities[0].takenUp", equalTo(true))
                .body("activities[0].sessionsAttended", equalTo(2));
        given().header("Authorization", partner).get(Platform.REFERRALS + "/fhir/ServiceRequest/" + referralId).then()
                .statusCode(200).body("status", equalTo("completed"));
        // analysts saw each provider step once, and the completion once, without the person's details
        eventually().until(() -> topics.withKey("activity-completed", referralId).size() == 1);
        // requested, accepted, in progress, two sessions, completed
        List<ConsumerRecord<String, String>> updates = eventually()
                .until(() -> topics.withKey("activity-referral-updated", referralId), u -> u.size() >= 6);
        assertThat(updates.stream().map(r -> LifecycleTopics.header(r, "ce_id")).distinct().count()).isEqualTo(updates.size());
        assertThat(updates).allSatisfy(r -> assertThat(r.value()).doesNotContain("Ann", "Example", "07700"));
        // each names the activity as the directory published it; the completion also names the referring practice
        assertThat(updates).allSatisfy(r -> assertThat(JsonPath.from(r.value()).getString("serviceName"))
                .isEqualTo("Tuesday walk and talk"));
        JsonPath completion = JsonPath.from(topics.withKey("activity-completed", referralId).get(0).value());
        assertThat(completion.getString("referrerOrganization")).isEqualTo("Y90001");
        assertThat(completion.getString("serviceName")).isEqualTo("Tuesday walk and talk");
        // and the practice's message back names it
        String gp = Platform.token("gp.demo");
        eventually().untilAsserted(() -> assertThat(given().header("Authorization", gp).queryParam("size", 100)
                .get(Platform.NOTIFICATIONS + "/notifications").then().statusCode(200).extract().jsonPath()
                .getList("items", Map.class).stream().filter(n -> referralId.equals(n.get("referralId")))
                .map(n -> String.valueOf(n.get("body"))).toList())
                .anySatisfy(body -> assertThat(body).contains("\"Tuesday walk and talk\" (2 sessions attended)")));
    }

    @Test
    @Order(5)
    void aTeamServesBothItsPracticesAndEachInboxHoldsExactlyWhatTheNotificationTableSays() {
        String gp = Platform.token("gp.demo");
        String gp2 = Platform.token("gp2.demo");
        String linkWorker = Platform.token("lw.demo");
        String otherTeam = Platform.token("lw2.demo");
        String provider = Platform.token("provider.demo");

        // lw.demo's team serves both demo practices; lw2.demo's team serves neither, and no practice sees another's referral
        String fromSecondPractice = refer(gp2);
        given().header("Authorization", linkWorker).get(Platform.REFERRALS + "/referrals/" + fromSecondPractice).then().statusCode(200)
                .body("teamId", equalTo("leeds-north")).body("linkWorker", equalTo("lw.demo"));
        String referralId = refer(gp);
        for (String outsider : List.of(otherTeam, gp2)) {
            given().header("Authorization", outsider).get(Platform.REFERRALS + "/referrals/" + referralId).then().statusCode(404);
        }
        given().header("Authorization", otherTeam).get(Platform.REFERRALS + "/referrals/" + fromSecondPractice).then().statusCode(404);

        // the demo loop: accepted, contacted, assessed, matched, activity referral, provider's answer and sessions, completion
        assess(linkWorker, referralId);
        eventually().untilAsserted(() -> given().header("Authorization", linkWorker).get(Platform.REFERRALS + "/referrals/" + referralId)
                .then().statusCode(200).body("status", equalTo("matched")));
        eventually().until(() -> given().header("Authorization", linkWorker).get(Platform.MATCHING + "/matches/" + referralId)
                .then().extract().jsonPath().getList("proposals.serviceId"), ids -> ids != null && ids.contains(serviceId));
        given().header("Authorization", otherTeam).get(Platform.MATCHING + "/matches/" + referralId).then().statusCode(404);
        eventually().until(() -> given().header("Authorization", linkWorker).contentType("application/json")
                .body(Map.of("referralId", referralId, "instrument", "swemwbs", "timepoint", "baseline", "answers", swemwbs(3)))
                .post(Platform.OUTCOMES + "/measures").then().extract().statusCode() == 201);
        String activityId = given().header("Authorization", linkWorker).contentType("application/json")
                .body("{\"serviceId\":\"" + serviceId + "\",\"shareContact\":true}")
                .post(Platform.REFERRALS + "/referrals/" + referralId + "/activity-referrals").then().statusCode(201).extract().path("id");
        runTheActivity(provider, activityId);
        eventually().untilAsserted(() -> given().header("Authorization", linkWorker).get(Platform.REFERRALS + "/referrals/" + referralId)
                .then().statusCode(200).body("status", equalTo("completed")));
        // the follow-up measure, then the link worker closes the referral
        given().header("Authorization", linkWorker).contentType("application/json")
                .body(Map.of("referralId", referralId, "instrument", "swemwbs", "timepoint", "follow-up", "answers", swemwbs(4)))
                .post(Platform.OUTCOMES + "/measures").then().statusCode(201);
        given().header("Authorization", otherTeam).contentType("application/json")
                .body(Map.of("referralId", referralId, "instrument", "swemwbs", "timepoint", "follow-up", "answers", swemwbs(4)))
                .post(Platform.OUTCOMES + "/measures").then().statusCode(404);
        given().header("Authorization", linkWorker).contentType("application/json").body("{\"status\":\"closed\"}")
                .post(Platform.REFERRALS + "/referrals/" + referralId + "/status").then().statusCode(200);

        // notification-service's README, "Who hears what in the demo loop": each inbox, exactly, once each
        String ref = "referral " + referralId.substring(0, 8);
        int count = given().header("Authorization", linkWorker).get(Platform.MATCHING + "/matches/" + referralId).then().statusCode(200)
                .extract().jsonPath().getList("proposals").size();
        String proposed = "Linkwork proposed " + (count == 1 ? "1 community activity" : count + " community activities") + " for " + ref;
        Map<String, List<String>> table = Map.of(
                "lw.demo", List.of("Linkwork gave you " + ref, proposed, "The provider accepted the activity referral",
                        "The provider recorded the activity as completed"),
                "gp.demo", List.of("The link worker accepted " + ref, "The link worker made first contact with the person on " + ref,
                        proposed, "Linkwork recorded that the person on " + ref + " started an activity",
                        "The person you referred has finished their activity", "The link worker closed " + ref),
                "provider.demo", List.of("A link worker asked for a place on Tuesday walk and talk"),
                "gp2.demo", List.of(),
                "lw2.demo", List.of());
        Map<String, String> tokens = Map.of("lw.demo", linkWorker, "gp.demo", gp, "provider.demo", provider, "gp2.demo", gp2,
                "lw2.demo", otherTeam);
        // the last notice of the loop is the practice's "closed": once each inbox holds as many as the table, compare them whole
        for (String who : List.of("gp.demo", "lw.demo", "provider.demo")) {
            eventually().until(() -> inbox(tokens.get(who), referralId).size() >= table.get(who).size());
        }
        table.forEach((who, expected) -> assertThat(inbox(tokens.get(who), referralId)).as(who + "'s inbox")
                .containsExactlyInAnyOrderElementsOf(expected));
    }

    /** The provider accepts, starts, records two weekly sessions attended, and completes. */
    private static void runTheActivity(String provider, String activityId) {
        for (String status : List.of("accepted", "in-progress")) {
            given().header("Authorization", provider).contentType("application/json").body("{\"status\":\"" + status + "\"}")
                    .post(Platform.REFERRALS + "/activity-referrals/" + activityId + "/status").then().statusCode(200)
                    .body("status", equalTo(status));
        }
        // attendance, session by session
        Instant firstSession = Instant.now().minus(Duration.ofDays(14));
        for (int week = 0; week < 2; week++) {
            given().header("Authorization", provider).contentType("application/json")
                    .body("{\"sessionAt\":\"" + firstSession.plus(Duration.ofDays(7L * week)) + "\",\"attended\":true}")
                    .post(Platform.REFERRALS + "/activity-referrals/" + activityId + "/attendance").then().statusCode(200)
                    .body("sessionsAttended", equalTo(week + 1));
        }
        given().header("Authorization", provider).contentType("application/json").body("{\"status\":\"completed\"}")
                .post(Platform.REFERRALS + "/activity-referrals/" + activityId + "/status").then().statusCode(200)
                .body("status", equalTo("completed"));
    }

    private static Map<String, Integer> swemwbs(int answer) {
        return Map.of("optimistic", answer, "useful", answer, "relaxed", answer, "dealing-with-problems", answer,
                "thinking-clearly", answer, "close-to-others", answer, "own-mind", answer);
    }

    /** A Gravity/PRSB-shaped referral as a GP system sends it, with the person and consent contained. */
    private static String fhirReferral(String nhs) {
        return """
                {"resourceType":"ServiceRequest",
                 "contained":[
                  {"resourceType":"Patient","id":"patient",
                   "identifier":[{"system":"https://fhir.nhs.uk/Id/nhs-number","value":"%s"}],
                   "name":[{"family":"Example","given":["Ann"]}],"birthDate":"1950-03-02","gender":"female",
                   "address":[{"postalCode":"LS6 2AA"}],"telecom":[{"system":"phone","value":"07700 900123"}]},
                  {"resourceType":"Organization","id":"practice",
                   "identifier":[{"system":"https://fhir.nhs.uk/Id/ods-organization-code","value":"Y90001"}]},
                  {"resourceType":"Consent","id":"consent","status":"active",
                   "scope":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/consentscope","code":"patient-privacy"}]},
                   "category":[{"coding":[{"system":"http://loinc.org","code":"59284-0"}]}],
                   "patient":{"reference":"#patient"},"dateTime":"%s"}],
                 "status":"active","intent":"order","priority":"routine",
                 "code":{"coding":[{"system":"http://snomed.info/sct","code":"871731000000106"}]},
                 "subject":{"reference":"#patient"},"requester":{"reference":"#practice"},
                 "reasonCode":[{"coding":[{"system":"urn:linkwork:need","code":"loneliness"},
                                          {"system":"urn:linkwork:need","code":"physical-activity"}],
                               "text":"Lives alone, would like to get out more"}],
                 "supportingInfo":[{"reference":"#consent"}]}""".formatted(nhs, Instant.now().minusSeconds(60));
    }

    private static String refer(String token) {
        String body = """
                {"person":{"nhsNumber":"%s","givenName":"Ann","familyName":"Example","dateOfBirth":"1950-03-02",
                 "postcode":"LS6 2AA","phone":"07700 900123"},
                 "needs":["loneliness","physical-activity"],"reason":"Lives alone, would like to get out more",
                 "urgency":"routine","consent":{"given":true,"recordedAt":"%s"}}""".formatted(nhsNumber(), Instant.now().minusSeconds(60));
        return given().header("Authorization", token).contentType("application/json").body(body)
                .post(Platform.REFERRALS + "/referrals").then().statusCode(201).extract().path("id");
    }

    /** The link worker accepts the referral, reaches the person, and records what matters to them. */
    private static void assess(String token, String referralId) {
        for (String status : List.of("accepted", "contacted")) {
            given().header("Authorization", token).contentType("application/json").body("{\"status\":\"" + status + "\"}")
                    .post(Platform.REFERRALS + "/referrals/" + referralId + "/status").then().statusCode(200);
        }
        given().header("Authorization", token).contentType("application/json")
                .body("""
                        {"needs":["loneliness","physical-activity"],
                         "goals":[{"text":"Get out of the house twice a week","needArea":"loneliness"}],
                         "interests":["walking"],
                         "preferences":{"deliveryModes":["in-person"],"days":["tue","thu"],"timesOfDay":["morning"],"setting":"group"},
                         "digitalAccess":"limited","travel":{"postcode":"LS6 2AA","maxTravelKm":5,"publicTransportOnly":false}}""")
                .post(Platform.REFERRALS + "/referrals/" + referralId + "/assessment").then().statusCode(200);
    }

    private static Map<String, Integer> kpis(String analyst) {
        JsonPath kpis = given().header("Authorization", analyst).get(Platform.OUTCOMES + "/kpis").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Integer> counts = new java.util.HashMap<>(kpis.getMap("referralsByStatus", String.class, Integer.class));
        counts.put("total", kpis.getInt("total"));
        return counts;
    }

    /** Titles of the caller's notifications about one referral. */
    private static List<String> inbox(String token, String referralId) {
        JsonPath inbox = given().header("Authorization", token).queryParam("size", 100)
                .get(Platform.NOTIFICATIONS + "/notifications").then().statusCode(200).extract().jsonPath();
        return inbox.getList("items", Map.class).stream().filter(n -> referralId.equals(n.get("referralId")))
                .map(n -> (String) n.get("title")).toList();
    }

    private static String walkingGroup(String id) {
        return """
                {"id":"%1$s","name":"Tuesday walk and talk","description":"A gentle walk round the park, then tea","status":"active",
                 "places_available":10,
                 "organization":{"id":"%2$s","name":"Leeds Walking Network (demo)","description":"Volunteer-led walks"},
                 "service_at_locations":[{"id":"%1$s-sal","location":{"id":"%1$s-loc","location_type":"physical","name":"Hyde Park",
                   "latitude":53.8125,"longitude":-1.5645,
                   "addresses":[{"id":"%1$s-addr","address_1":"Hyde Park Corner","city":"Leeds","state_province":"West Yorkshire",
                     "postal_code":"LS6 2AB","country":"GB","address_type":"physical"}]}}],
                 "attributes":[{"taxonomy_term":{"code":"physical-activity"}},{"taxonomy_term":{"code":"loneliness"}}]}"""
                .formatted(id, WALKING_ORG);
    }

    /** A random NHS number with a valid Modulus 11 check digit, so repeated runs refer different people. */
    private static String nhsNumber() {
        while (true) {
            StringBuilder digits = new StringBuilder();
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                int d = ThreadLocalRandom.current().nextInt(10);
                digits.append(d);
                sum += d * (10 - i);
            }
            int check = 11 - (sum % 11);
            if (check != 10) {
                return digits.append(check == 11 ? 0 : check).toString();
            }
        }
    }
}
