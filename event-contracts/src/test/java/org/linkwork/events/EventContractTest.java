package org.linkwork.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class EventContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REF = "p-0f8fad5b-d9cb-469f-a165-70867728950e";
    private static final String REFERRAL = "6f1c2d0e-8a57-4a0f-9d3e-1c2b3a4d5e6f";
    private static final Instant AT = Instant.parse("2026-11-23T10:15:30Z");

    static Stream<LinkworkEvent> samples() {
        return Stream.of(
                new ReferralCreated(REFERRAL, REF, "api", "B86001", List.of("loneliness", "low-mood"), "routine", "LS6", "65-74",
                        "female", "white", 3, "lw.demo", AT, "leeds-north"),
                new ReferralStatusChanged(REFERRAL, REF, "B86001", "lw.demo", "received", "accepted", null, "link-worker", AT, "leeds-north",
                        "lw.demo"),
                new ReferralAssigned(REFERRAL, REF, "B86001", "lw.demo", "Lee Worker", "lw.other", "link-worker", AT, "leeds-north",
                        "leeds-south", "lw.other", "wrong-practice"),
                new TeamChanged("leeds-north", "Leeds North link workers", "U90001", List.of("B86001", "B86002"), List.of("LS6"),
                        List.of(new TeamChanged.Member("lw.demo", true), new TeamChanged.Member("lw.left", false)), AT),
                new ReferralOverdue(REFERRAL, REF, "B86001", "lw.demo", "received", AT.minusSeconds(60), AT, "leeds-north"),
                assessed(List.of("physical-activity")),
                new ActivityReferralUpdated(REFERRAL.replace('6', '7'), REFERRAL, REF, "svc-walk", "walking-groups", "org-1", "B86001",
                        "lw.demo", "accepted", null, 0, AT.plusSeconds(86_400), AT, "Walk and talk, Hyde Park"),
                new ActivityCompleted(REFERRAL.replace('6', '7'), REFERRAL, REF, "svc-walk", "org-1", 6, AT, "B86001",
                        "Walk and talk, Hyde Park"),
                new PersonContactChanged(REF, "Ann", "ann@example.org", "07700900123", "sms", "en", "21:00", "08:00", false, false, AT),
                new MatchProposed(REFERRAL, REF, "B86001", "lw.demo",
                        List.of(new MatchProposed.Proposal(1, "svc-walk", "Walk and talk", "org-1", 0.82, 2.1, List.of("2.1 km away"),
                                List.of("no places this week"))),
                        List.of(new MatchProposed.Excluded("svc-swim", "Aqua fit", List.of("not wheelchair accessible"))), AT,
                        "leeds-north", "lw.demo"),
                new MatchFeedback(REFERRAL, REF, "svc-walk", "not-suitable", "too-far", 1, "lw.demo", AT),
                new DirectoryServiceChanged("svc-walk", "Walk and talk", null, "active", "org-1", "Leeds Walkers", List.of("physical-activity"),
                        List.of("in-person"), List.of(new DirectoryServiceChanged.Place("loc-1", "Park", "LS6 2AA", 53.81, -1.56)),
                        List.of(new DirectoryServiceChanged.Session(List.of("tue"), "10:00", "11:30")),
                        new DirectoryServiceChanged.Eligibility(18, null, List.of()), List.of("step-free-access"), List.of("en"),
                        "group", true, 12, 20, java.time.LocalDate.parse("2026-10-01"), 3, AT),
                new DirectoryReviewDue("svc-walk", "Walk and talk", "org-1", java.time.LocalDate.parse("2025-10-01"), AT),
                new OutcomeRecorded(REFERRAL.replace('6', '8'), REFERRAL, REF, "ucla3", "baseline", Map.of("total", 7.0), AT),
                new NotificationDelivered(REFERRAL.replace('6', '9'), "evt-1", REFERRAL, "link-worker", "inbox", AT),
                new NotificationFailed(REFERRAL.replace('6', '9'), "evt-1", REFERRAL, "person", "sms", "gateway-unavailable", 5, AT));
    }

    private static ReferralAssessed assessed(List<String> needs) {
        return new ReferralAssessed(REFERRAL, REF, "B86001", "lw.demo", needs, List.of("physical-activity"), List.of("walking"),
                new ReferralAssessed.Preferences(List.of("in-person"), List.of("tue"), List.of("morning"), "group", "en"),
                List.of("cardiovascular"), List.of("limited-mobility"), "none", new ReferralAssessed.Travel("LS6", 5.0, true),
                true, "65-74", false, AT, "leeds-north");
    }

    @Test
    void everyTopicHasASample() {
        assertThat(samples().map(e -> Topic.forPayload(e.getClass()).orElseThrow()))
                .containsExactlyInAnyOrder(Topic.values());
    }

    @ParameterizedTest
    @MethodSource("samples")
    void serialisedPayloadsSatisfyTheirSchema(LinkworkEvent event) throws Exception {
        Topic topic = Topic.forPayload(event.getClass()).orElseThrow();
        Set<ValidationMessage> errors = schema(topic).validate(JSON.readTree(EventJson.write(event)));
        assertThat(errors).as(topic.topicName()).isEmpty();
        assertThat(EventJson.read(EventJson.write(event), topic.payloadType())).isEqualTo(event);
    }

    @Test
    void schemasRejectPayloadsThatBreakTheContract() throws Exception {
        JsonNode missingStatus = JSON.readTree("{\"referralId\":\"" + REFERRAL + "\",\"personRef\":\"" + REF
                + "\",\"changedByRole\":\"system\",\"changedAt\":\"2026-11-23T10:15:30Z\"}");
        assertThat(schema(Topic.REFERRAL_STATUS_CHANGED).validate(missingStatus)).isNotEmpty();
        JsonNode unknownNeed = JSON.readTree(EventJson.write(assessed(List.of("space-travel"))));
        assertThat(schema(Topic.REFERRAL_ASSESSED).validate(unknownNeed)).isNotEmpty();
        JsonNode nhsNumberAsRef = JSON.readTree(EventJson.write(new ReferralCreated(REFERRAL, "9434765919", "api", null,
                List.of(), "routine", null, null, null, null, null, null, AT)));
        assertThat(schema(Topic.REFERRAL_CREATED).validate(nhsNumberAsRef)).isNotEmpty();
    }

    @ParameterizedTest
    @EnumSource(Topic.class)
    void analyticsSafeTopicsDeclareNoPersonalFields(Topic topic) throws Exception {
        List<String> names = new ArrayList<>();
        collectPropertyNames(readSchema(topic), names);
        List<String> personal = names.stream()
                .filter(n -> n.matches("(?i).*(displayname|nhs|birth|address|phone|email|^name$|firstname|surname|note|freetext).*"))
                .toList();
        if (topic.analyticsSafe()) {
            // a service or place name is not about a person; everything else here would be
            assertThat(personal).as(topic.topicName()).allMatch(n -> n.equals("name") && topic == Topic.DIRECTORY_SERVICE_CHANGED);
        } else {
            assertThat(personal).as("the restricted topic is the one that carries contact details").isNotEmpty();
        }
    }

    @Test
    void asyncApiDocumentDescribesEveryTopicWithItsSchema() throws Exception {
        JsonNode doc;
        try (InputStream in = EventContractTest.class.getResourceAsStream("/asyncapi.yaml")) {
            doc = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
        List<String> addresses = new ArrayList<>();
        doc.get("channels").forEach(c -> addresses.add(c.get("address").asText()));
        assertThat(addresses).containsExactlyInAnyOrder(Stream.of(Topic.values()).map(Topic::topicName).toArray(String[]::new));
        for (Topic topic : Topic.values()) {
            JsonNode message = doc.at("/components/messages/" + topic.payloadType().getSimpleName());
            assertThat(message.get("name").asText()).isEqualTo(topic.eventType());
            String schemaRef = message.at("/payload/schema/$ref").asText();
            assertThat("/" + schemaRef).isEqualTo(topic.schemaResource());
            assertThat(EventContractTest.class.getResource(topic.schemaResource())).isNotNull();
        }
    }

    @Test
    void payloadsWrittenBeforeTheActivitysNameAndPracticeWereAddedStillRead() throws Exception {
        // exactly as the first version's producers wrote them: no serviceName, no referrerOrganization on completion
        String activity = REFERRAL.replace('6', '7');
        String updated = "{\"activityReferralId\":\"" + activity + "\",\"referralId\":\"" + REFERRAL + "\",\"personRef\":\"" + REF
                + "\",\"serviceId\":\"svc-walk\",\"activityType\":\"walking-groups\",\"providerOrganizationId\":\"org-1\","
                + "\"referrerOrganization\":\"B86001\",\"linkWorker\":\"lw.demo\",\"status\":\"accepted\",\"sessionsAttended\":0,"
                + "\"nextSessionAt\":\"2026-11-24T10:15:30Z\",\"updatedAt\":\"2026-11-23T10:15:30Z\"}";
        String completed = "{\"activityReferralId\":\"" + activity + "\",\"referralId\":\"" + REFERRAL + "\",\"personRef\":\"" + REF
                + "\",\"serviceId\":\"svc-walk\",\"providerOrganizationId\":\"org-1\",\"sessionsAttended\":6,"
                + "\"completedAt\":\"2026-11-23T10:15:30Z\"}";

        ActivityReferralUpdated u = EventJson.read(updated, ActivityReferralUpdated.class);
        assertThat(u.serviceName()).isNull();
        assertThat(u).isEqualTo(new ActivityReferralUpdated(activity, REFERRAL, REF, "svc-walk", "walking-groups", "org-1", "B86001",
                "lw.demo", "accepted", null, 0, AT.plusSeconds(86_400), AT));
        ActivityCompleted c = EventJson.read(completed, ActivityCompleted.class);
        assertThat(c.referrerOrganization()).isNull();
        assertThat(c.serviceName()).isNull();
        assertThat(c).isEqualTo(new ActivityCompleted(activity, REFERRAL, REF, "svc-walk", "org-1", 6, AT));

        // still valid under today's schemas, and written today without the fields they do not have
        assertThat(schema(Topic.ACTIVITY_REFERRAL_UPDATED).validate(JSON.readTree(updated))).isEmpty();
        assertThat(schema(Topic.ACTIVITY_COMPLETED).validate(JSON.readTree(completed))).isEmpty();
        assertThat(JSON.readTree(EventJson.write(c)).has("serviceName")).isFalse();
        assertThat(JSON.readTree(EventJson.write(c))).isEqualTo(JSON.readTree(completed));
    }

    @Test
    void theNewFieldsAreOptionalStringsOrNull() throws Exception {
        for (Topic topic : List.of(Topic.ACTIVITY_REFERRAL_UPDATED, Topic.ACTIVITY_COMPLETED)) {
            JsonNode schema = readSchema(topic);
            List<String> added = topic == Topic.ACTIVITY_COMPLETED ? List.of("referrerOrganization", "serviceName") : List.of("serviceName");
            for (String field : added) {
                assertThat(schema.at("/properties/" + field + "/type")).as(topic.topicName() + " " + field)
                        .containsExactlyInAnyOrder(JSON.readTree("\"string\""), JSON.readTree("\"null\""));
                assertThat(schema.get("required")).as(topic.topicName()).doesNotContain(JSON.readTree("\"" + field + "\""));
            }
        }
        JsonNode explicitNull = JSON.readTree(EventJson.write(new ActivityCompleted(REFERRAL.replace('6', '7'), REFERRAL, REF, "svc-walk",
                "org-1", 6, AT))).deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) explicitNull).putNull("serviceName").putNull("referrerOrganization");
        assertThat(schema(Topic.ACTIVITY_COMPLETED).validate(explicitNull)).isEmpty();
        assertThat(EventJson.read(explicitNull.toString(), ActivityCompleted.class).serviceName()).isNull();
    }

    @Test
    void payloadsWrittenBeforeTeamsWereCarriedStillRead() throws Exception {
        String changed = "{\"referralId\":\"" + REFERRAL + "\",\"personRef\":\"" + REF + "\",\"referrerOrganization\":\"B86001\","
                + "\"linkWorker\":\"lw.demo\",\"fromStatus\":\"received\",\"toStatus\":\"accepted\",\"changedByRole\":\"link-worker\","
                + "\"changedAt\":\"2026-11-23T10:15:30Z\"}";
        String assigned = "{\"referralId\":\"" + REFERRAL + "\",\"personRef\":\"" + REF + "\",\"referrerOrganization\":\"B86001\","
                + "\"linkWorker\":\"lw.demo\",\"linkWorkerName\":\"Lee Worker\",\"assignedByRole\":\"system\","
                + "\"assignedAt\":\"2026-11-23T10:15:30Z\"}";
        assertThat(schema(Topic.REFERRAL_STATUS_CHANGED).validate(JSON.readTree(changed))).isEmpty();
        assertThat(schema(Topic.REFERRAL_ASSIGNED).validate(JSON.readTree(assigned))).isEmpty();
        ReferralStatusChanged c = EventJson.read(changed, ReferralStatusChanged.class);
        assertThat(c.teamId()).isNull();
        assertThat(c.changedBy()).isNull();
        ReferralAssigned a = EventJson.read(assigned, ReferralAssigned.class);
        assertThat(a).isEqualTo(new ReferralAssigned(REFERRAL, REF, "B86001", "lw.demo", "Lee Worker", null, "system", AT));
        assertThat(a.movedTeam()).isFalse();
    }

    @Test
    void aMoveReasonOutsideTheVocabularyBreaksTheContract() throws Exception {
        JsonNode odd = JSON.readTree(EventJson.write(new ReferralAssigned(REFERRAL, REF, "B86001", "lw.demo", "Lee Worker", null,
                "link-worker", AT, "leeds-north", "leeds-south", "lw.demo", "lunar-cycle")));
        assertThat(schema(Topic.REFERRAL_ASSIGNED).validate(odd)).isNotEmpty();
        assertThat(Vocabulary.TEAM_MOVE_REASONS).allSatisfy(reason -> assertThat(readSchema(Topic.REFERRAL_ASSIGNED)
                .at("/properties/moveReasonCode/enum").toString()).contains("\"" + reason + "\""));
    }

    @Test
    void malformedPayloadsAreRecognised() {
        assertThatThrownBy(() -> EventJson.read("{not json", ReferralCreated.class))
                .isInstanceOf(EventJson.MalformedEventException.class);
        assertThatThrownBy(() -> EventJson.read("", ReferralCreated.class))
                .isInstanceOf(EventJson.MalformedEventException.class);
    }

    private static JsonSchema schema(Topic topic) throws Exception {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(readSchema(topic));
    }

    private static JsonNode readSchema(Topic topic) throws Exception {
        try (InputStream in = EventContractTest.class.getResourceAsStream(topic.schemaResource())) {
            assertThat(in).as(topic.schemaResource()).isNotNull();
            return JSON.readTree(in);
        }
    }

    private static void collectPropertyNames(JsonNode node, List<String> names) {
        if (node.isObject()) {
            JsonNode props = node.get("properties");
            if (props != null) {
                props.fieldNames().forEachRemaining(names::add);
            }
            node.elements().forEachRemaining(child -> collectPropertyNames(child, names));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> collectPropertyNames(child, names));
        }
    }
}
