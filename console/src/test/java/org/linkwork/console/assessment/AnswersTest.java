package org.linkwork.console.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.MultivaluedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.linkwork.console.services.Problem;
import org.linkwork.console.web.Form;

class AnswersTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A form as a browser posts it: repeated names for checkboxes, every other field once. */
    private static Form form(String... nameValuePairs) {
        MultivaluedHashMap<String, String> values = new MultivaluedHashMap<>();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            values.add(nameValuePairs[i], nameValuePairs[i + 1]);
        }
        return new Form(values);
    }

    private static Form everything() {
        return form("csrf-token", "t", "idempotency-key", "0f8fad5b-d9cb-469f-a165-70867728950e",
                "needs", "loneliness", "needs", "physical-activity",
                "goals[0].text", "Get out of the house twice a week", "goals[0].needArea", "loneliness",
                "goals[1].text", "Walk to the shops again", "goals[1].needArea", "physical-activity",
                "interests", "walking", "interests", "gardening",
                "preferences.deliveryModes", "in-person", "preferences.deliveryModes", "telephone",
                "preferences.days", "tue", "preferences.days", "thu",
                "preferences.timesOfDay", "morning",
                "preferences.setting", "group", "preferences.language", "cy",
                "healthConditions", "musculoskeletal", "accessibilityRequirements", "limited-mobility",
                "digitalAccess", "limited",
                "travel.postcode", "LS6 2AA", "travel.maxTravelKm", "5", "travel.publicTransportOnly", "true",
                "costSensitive", "yes");
    }

    @Test
    void everyAnswerGoesToItsJsonField() {
        Map<String, Object> body = Answers.body(everything());

        assertThat(body).containsOnlyKeys("needs", "goals", "interests", "preferences", "healthConditions", "accessibilityRequirements",
                "digitalAccess", "travel", "costSensitive");
        assertThat(body.get("needs")).isEqualTo(List.of("loneliness", "physical-activity"));
        assertThat(body.get("goals")).isEqualTo(List.of(Map.of("text", "Get out of the house twice a week", "needArea", "loneliness"),
                Map.of("text", "Walk to the shops again", "needArea", "physical-activity")));
        assertThat(body.get("interests")).isEqualTo(List.of("walking", "gardening"));
        assertThat(body.get("preferences")).isEqualTo(Map.of("deliveryModes", List.of("in-person", "telephone"), "days", List.of("tue", "thu"),
                "timesOfDay", List.of("morning"), "setting", "group", "language", "cy"));
        assertThat(body.get("healthConditions")).isEqualTo(List.of("musculoskeletal"));
        assertThat(body.get("accessibilityRequirements")).isEqualTo(List.of("limited-mobility"));
        assertThat(body.get("digitalAccess")).isEqualTo("limited");
        assertThat(body.get("travel")).isEqualTo(Map.of("postcode", "LS6 2AA", "maxTravelKm", 5.0, "publicTransportOnly", true));
        assertThat(body.get("costSensitive")).isEqualTo(true);
    }

    @Test
    void unansweredQuestionsAreLeftOutButTravelIsAlwaysThere() {
        Map<String, Object> body = Answers.body(form("needs", "debt", "goals[0].text", " ", "goals[0].needArea", "", "preferences.language", "",
                "travel.maxTravelKm", "", "costSensitive", ""));

        assertThat(body).containsOnlyKeys("needs", "travel");
        assertThat(body.get("travel")).isEqualTo(Map.of());
    }

    @Test
    void noNeedsAtAllIsSentAsAnEmptyListForTheServiceToRefuse() {
        assertThat(Answers.body(form()).get("needs")).isEqualTo(List.of());
    }

    @Test
    void goalRowsLeftEmptyAreSkippedAndHalfFilledOnesSentWithWhatTheyHave() {
        Map<String, Object> body = Answers.body(form("goals[0].text", "See my grandchildren", "goals[2].needArea", "money",
                "goals[4].text", "Sleep better"));

        assertThat(body.get("goals")).isEqualTo(List.of(Map.of("text", "See my grandchildren"), Map.of("needArea", "money"),
                Map.of("text", "Sleep better")));
        assertThat(Answers.sentGoalRows(form("goals[0].text", "a", "goals[2].needArea", "money", "goals[4].text", "b")))
                .containsExactly(0, 2, 4);
    }

    @Test
    void answersAreReadAsTheServiceWantsThem() {
        Map<String, Object> body = Answers.body(form("preferences.language", " PL ", "travel.maxTravelKm", "2.5 km", "costSensitive", "no"));

        assertThat(body.get("preferences")).isEqualTo(Map.of("language", "pl"));
        assertThat(body.get("travel")).isEqualTo(Map.of("maxTravelKm", 2.5));
        assertThat(body.get("costSensitive")).isEqualTo(false);
        // not a number: sent as typed, so the service names the field
        assertThat(Answers.body(form("travel.maxTravelKm", "far")).get("travel")).isEqualTo(Map.of("maxTravelKm", "far"));
    }

    @Test
    void theConsoleChecksOnlyThatANeedIsChosenAndTheDistanceIsANumber() {
        Problem none = Answers.check(form("travel.postcode", "LS6 2AA", "travel.maxTravelKm", "five"));
        assertThat(none.errors()).extracting(Problem.FieldError::field).containsExactly("needs", "travel.maxTravelKm");
        assertThat(none.errors().get(0).message()).isEqualTo("Select at least one need");
        assertThat(none.status()).isEqualTo(400);

        // an empty postcode is the service's to refuse, so it names its own rule
        assertThat(Answers.check(form("needs", "debt"))).isNull();
        assertThat(Answers.check(form("needs", "debt", "travel.maxTravelKm", "12"))).isNull();
    }

    @Test
    void aRecordedAssessmentPrefillsTheForm() throws Exception {
        String recorded = """
                {"needs":["loneliness","physical-activity"],
                 "goals":[{"text":"Get out of the house twice a week","needArea":"loneliness"},{"text":"Walk to the shops again","needArea":"physical-activity"}],
                 "interests":["walking","gardening"],
                 "preferences":{"deliveryModes":["in-person","telephone"],"days":["tue","thu"],"timesOfDay":["morning"],"setting":"group","language":"cy"},
                 "healthConditions":["musculoskeletal"],"accessibilityRequirements":["limited-mobility"],"digitalAccess":"limited",
                 "travel":{"postcode":"LS6 2AA","maxTravelKm":5.0,"publicTransportOnly":true},"costSensitive":true}
                """;
        Form form = Answers.fromAssessment(JSON.readValue(recorded, Map.class));

        assertThat(form.all("needs")).containsExactly("loneliness", "physical-activity");
        assertThat(form.value("goals[0].text")).isEqualTo("Get out of the house twice a week");
        assertThat(form.value("goals[1].needArea")).isEqualTo("physical-activity");
        assertThat(form.all("preferences.days")).containsExactly("tue", "thu");
        assertThat(form.value("preferences.setting")).isEqualTo("group");
        assertThat(form.value("travel.maxTravelKm")).isEqualTo("5");
        assertThat(form.value("travel.publicTransportOnly")).isEqualTo("true");
        assertThat(form.value("costSensitive")).isEqualTo("yes");
        assertThat(form.value("reassessment")).isEqualTo("true");
        // sending it again unchanged sends what was recorded
        assertThat((Object) JSON.valueToTree(Answers.body(form))).isEqualTo(JSON.readTree(recorded));
    }

    @Test
    void aRecordedAssessmentWithMostAnswersUnsaidPrefillsOnlyWhatWasSaid() throws Exception {
        // as GET /referrals/{id}/assessment answers for an assessment that said little
        String recorded = """
                {"needs":["loneliness"],"goals":null,"interests":null,"preferences":null,"healthConditions":null,
                 "accessibilityRequirements":null,"digitalAccess":null,
                 "travel":{"postcode":"LS6 2AA","maxTravelKm":null,"publicTransportOnly":null},"costSensitive":false}
                """;
        Form form = Answers.fromAssessment(JSON.readValue(recorded, Map.class));

        assertThat(form.values().keySet()).containsExactlyInAnyOrder("needs", "travel.postcode", "costSensitive", "reassessment");
        assertThat(form.value("costSensitive")).isEqualTo("no");
        assertThat(Answers.body(form)).isEqualTo(Map.of("needs", List.of("loneliness"), "travel", Map.of("postcode", "LS6 2AA"),
                "costSensitive", false));
    }

    @Test
    void moreGoalsThanTheFormShowsAreKept() throws Exception {
        StringBuilder goals = new StringBuilder();
        for (int i = 0; i < 7; i++) {
            goals.append(i == 0 ? "" : ",").append("{\"text\":\"goal ").append(i + 1).append("\",\"needArea\":\"food\"}");
        }
        Form form = Answers.fromAssessment(JSON.readValue("{\"needs\":[\"food\"],\"goals\":[" + goals + "],\"travel\":{\"postcode\":\"LS6 2AA\"}}",
                Map.class));

        assertThat(Answers.goalRows(form)).isEqualTo(7);
        assertThat(Answers.goalRows(form("goals[0].text", "one"))).isEqualTo(5);
        assertThat((List<?>) Answers.body(form).get("goals")).hasSize(7);
    }

    @Test
    void aFirstAssessmentStartsFromTheReferral() throws Exception {
        Map<?, ?> referral = JSON.readValue("""
                {"id":"ce98cfe9-cca0-4fca-a56b-91119fce8363","status":"contacted","needs":["loneliness","physical-activity"],
                 "person":{"givenName":"Ann","familyName":"Example","postcode":"LS6 2AA","language":"en","email":null}}
                """, Map.class);
        @SuppressWarnings("unchecked")
        Form form = Answers.fromReferral((Map<String, Object>) referral);

        assertThat(form.all("needs")).containsExactly("loneliness", "physical-activity");
        assertThat(form.value("travel.postcode")).isEqualTo("LS6 2AA");
        assertThat(form.value("preferences.language")).isEqualTo("en");
        assertThat(form.value("reassessment")).isEmpty();
    }

    @Test
    void theServicesRefusalIsSaidInTheFormsWordsWithGoalsNumberedByTheirRow() {
        // rows 1 and 3 were filled, so the service's goals[1] is the form's goal 3
        Form sent = form("needs", "debt", "goals[0].text", "Pay off the catalogue", "goals[0].needArea", "debt", "goals[2].needArea", "money",
                "travel.postcode", "nope", "travel.maxTravelKm", "500");
        Problem refused = Problem.of(400, Map.of("type", "urn:linkwork:problem:validation-failed", "title", "The request is not valid", "errors",
                List.of(Map.of("field", "goals[1].text", "message", "must not be blank"), Map.of("field", "travel.maxTravelKm", "message",
                        "must be less than or equal to 200.0"), Map.of("field", "travel.postcode", "message", "not a UK postcode"),
                        Map.of("field", "interests[0]", "message", "not a known code"))));

        Problem explained = Answers.explain(refused, sent);

        assertThat(explained.errors()).extracting(Problem.FieldError::field).containsExactly("goals[1].text", "travel.maxTravelKm",
                "travel.postcode", "interests[0]");
        assertThat(explained.errors()).extracting(Problem.FieldError::message).containsExactly("Enter goal 3 in the person's words",
                "Furthest they can travel: must be 200 or less", "Postcode: not a UK postcode", "Interests: not a known code");
        assertThat(explained.errors()).extracting(Problem.FieldError::anchor).containsExactly("field-goals-text", "field-travel-maxTravelKm",
                "field-travel-postcode", "field-interests");
    }

    @Test
    void aRefusedMoveSaysWhyTheAssessmentCannotBeRecordedYet() {
        Problem refused = Problem.of(409, Map.of("type", "urn:linkwork:problem:invalid-transition", "title", "This status change is not allowed",
                "detail", "A referral that is received cannot become assessed; allowed: accepted, rejected, withdrawn", "currentStatus",
                "received", "allowed", List.of("accepted", "rejected", "withdrawn")));

        Problem explained = Answers.explain(refused, form("needs", "debt"));

        assertThat(explained.status()).isEqualTo(409);
        assertThat(explained.errors()).isEmpty();
        assertThat(explained.summary()).startsWith("The assessment cannot be recorded while the referral is received.");
    }

    @Test
    void distancesAreReadAsPeopleTypeThem() {
        assertThat(Answers.kilometres("5")).isEqualTo(5.0);
        assertThat(Answers.kilometres(" 2.5 ")).isEqualTo(2.5);
        assertThat(Answers.kilometres("10km")).isEqualTo(10.0);
        assertThat(Answers.kilometres("3 kilometres")).isEqualTo(3.0);
        assertThat(Answers.kilometres("five")).isNull();
        assertThat(Answers.kilometres("-1")).isNull();
        assertThat(Answers.number(5.0)).isEqualTo("5");
        assertThat(Answers.number(2.50)).isEqualTo("2.5");
    }
}
