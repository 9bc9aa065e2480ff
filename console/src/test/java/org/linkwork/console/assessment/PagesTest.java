package org.linkwork.console.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.MultivaluedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.linkwork.console.services.Problem;
import org.linkwork.console.web.Form;

/** What the form and the check-answers page are drawn from. */
class PagesTest {

    private static Form form(String... nameValuePairs) {
        MultivaluedHashMap<String, String> values = new MultivaluedHashMap<>();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            values.add(nameValuePairs[i], nameValuePairs[i + 1]);
        }
        return new Form(values);
    }

    @Test
    void eachAnswersFirstControlHasTheIdTheErrorSummaryLinksTo() {
        FormView view = FormView.of(form("needs", "debt"), null, null);

        assertThat(view.needs().choices().get(0).id()).isEqualTo("field-needs");
        assertThat(view.needs().choices().get(1).id()).isEqualTo("field-needs-low-mood");
        assertThat(view.needs().choices()).filteredOn(FormView.Choice::checked).extracting(FormView.Choice::value).containsExactly("debt");
        assertThat(view.days().choices().get(0).id()).isEqualTo("field-preferences-days");
        assertThat(view.postcode().id()).isEqualTo("field-travel-postcode");
        assertThat(view.maxTravelKm().id()).isEqualTo("field-travel-maxTravelKm");
        assertThat(view.costSensitive().choices()).extracting(FormView.Choice::id).containsExactly("field-costSensitive", "field-costSensitive-no");
        assertThat(view.goals()).hasSize(5);
        assertThat(view.goals().get(0).textId()).isEqualTo("field-goals-text");
        assertThat(view.goals().get(1).textId()).isEqualTo("goal-2-text");
        assertThat(view.goals().get(1).textName()).isEqualTo("goals[1].text");
    }

    @Test
    void aGoalInErrorTakesTheIdTheSummaryLinksToAndItsMessage() {
        Form sent = form("needs", "debt", "goals[0].text", "Pay off the catalogue", "goals[0].needArea", "debt", "goals[2].needArea", "money");
        Problem problem = Answers.explain(Problem.of(400, Map.of("errors", List.of(Map.of("field", "goals[1].text", "message", "must not be blank")))),
                sent);

        FormView view = FormView.of(sent, problem, null);

        FormView.Goal third = view.goals().get(2);
        assertThat(third.textId()).isEqualTo("field-goals-text");
        assertThat(third.textField()).isEqualTo("goals[1].text");
        assertThat(third.textError()).isTrue();
        assertThat(third.textDescribedBy()).isEqualTo("field-goals-text-error");
        assertThat(view.goals().get(0).textId()).isEqualTo("goal-1-text");
        assertThat(view.goals().get(0).textError()).isFalse();
        assertThat(problem.messageFor(third.textField())).isEqualTo("Enter goal 3 in the person's words");
    }

    @Test
    void changeFocusesTheFirstControlOfThatAnswer() {
        FormView view = FormView.of(form("needs", "debt"), null, "preferences.days");

        assertThat(view.days().choices().get(0).focus()).isTrue();
        assertThat(view.needs().choices()).noneMatch(FormView.Choice::focus);
        assertThat(FormView.of(form(), null, "travel.postcode").postcode().focus()).isTrue();
        assertThat(FormView.of(form(), null, "goals").goals().get(0).textFocus()).isTrue();
    }

    @Test
    void fieldsInErrorAreDescribedByTheirMessage() {
        Problem problem = Answers.check(form("travel.maxTravelKm", "far"));
        FormView view = FormView.of(form("travel.maxTravelKm", "far"), problem, null);

        assertThat(view.needs().error()).isTrue();
        assertThat(view.needs().describedBy()).isEqualTo("field-needs-hint field-needs-error");
        assertThat(view.maxTravelKm().describedBy()).isEqualTo("field-travel-maxTravelKm-hint field-travel-maxTravelKm-error");
        assertThat(view.postcode().describedBy()).isEqualTo("field-travel-postcode-hint");
        assertThat(view.days().describedBy()).isEmpty();
    }

    @Test
    void checkAnswersSaysNotProvidedForWhatWasSkipped() {
        CheckAnswers check = CheckAnswers.of(form("needs", "loneliness", "needs", "physical-activity", "goals[0].text", "Walk again",
                "goals[0].needArea", "physical-activity", "preferences.days", "tue", "preferences.language", "cy", "travel.postcode", "LS6 2AA",
                "travel.maxTravelKm", "5"));

        Map<String, CheckAnswers.Row> rows = new java.util.LinkedHashMap<>();
        check.rows().forEach(r -> rows.put(r.key(), r));
        assertThat(rows.keySet()).containsExactly("Needs", "Goals in the person's words", "Interests", "How they would take part", "Days",
                "Times of day", "Group or one-to-one", "Language", "Health conditions", "Accessibility requirements", "Digital access",
                "Postcode", "Furthest they can travel", "Public transport only", "Cost a barrier");
        assertThat(rows.get("Needs").lines()).containsExactly("Loneliness", "Physical activity");
        assertThat(rows.get("Goals in the person's words").lines()).containsExactly("“Walk again” (Physical activity)");
        assertThat(rows.get("Days").lines()).containsExactly("Tuesday");
        assertThat(rows.get("Language").lines()).containsExactly("Welsh (cy)");
        assertThat(rows.get("Furthest they can travel").lines()).containsExactly("5 km");
        assertThat(rows.get("Public transport only").lines()).containsExactly("No");
        assertThat(rows.get("Interests").provided()).isFalse();
        assertThat(rows.get("Interests").first()).isEqualTo("Not provided");
        assertThat(rows.get("Cost a barrier").provided()).isFalse();
        assertThat(rows.get("Days").change()).isEqualTo("preferences.days");
        assertThat(rows.get("Days").hiddenText()).isEqualTo("days");
    }

    @Test
    void everyAnswerAndNothingElseIsCarriedForward() {
        Form posted = form("csrf-token", "t", "idempotency-key", "0f8fad5b-d9cb-469f-a165-70867728950e", "change", "needs", "stray", "x",
                "needs", "debt", "goals[3].text", "Clear the arrears", "goals[3].needArea", "debt", "travel.postcode", "LS6 2AA",
                "travel.publicTransportOnly", "true", "costSensitive", "no", "reassessment", "true");

        List<CheckAnswers.Hidden> hidden = CheckAnswers.hidden(posted);

        assertThat(hidden).extracting(CheckAnswers.Hidden::name).containsExactly("needs", "goals[3].text", "goals[3].needArea", "travel.postcode",
                "travel.publicTransportOnly", "costSensitive", "reassessment");
        MultivaluedHashMap<String, String> again = new MultivaluedHashMap<>();
        hidden.forEach(h -> again.add(h.name(), h.value()));
        assertThat(Answers.body(new Form(again))).isEqualTo(Answers.body(posted));
    }

    @Test
    void codesReadAsWordsInAStableOrder() {
        assertThat(Codes.words("physical-activity")).isEqualTo("Physical activity");
        assertThat(Codes.words("bsl")).isEqualTo("British Sign Language (BSL)");
        assertThat(Codes.words("mon")).isEqualTo("Monday");
        assertThat(Codes.INTERESTS).first().isEqualTo("arts-crafts");
        assertThat(Codes.INTERESTS).isSortedAccordingTo(java.util.Comparator.comparing(Codes::words));
        assertThat(Codes.NEEDS).hasSize(org.linkwork.events.Need.values().length).startsWith("loneliness");
        assertThat(Codes.language("cy")).isEqualTo("Welsh (cy)");
        assertThat(Codes.language("zz")).isEqualTo("zz");
    }

    @Test
    void onlyAReferralIdGoesIntoTheServicePath() {
        assertThat(AssessmentPage.referralId("CE98CFE9-CCA0-4FCA-A56B-91119FCE8363")).isEqualTo("ce98cfe9-cca0-4fca-a56b-91119fce8363");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AssessmentPage.referralId("../caseload"))
                .isInstanceOf(jakarta.ws.rs.NotFoundException.class);
        assertThat(AssessmentPage.name(Map.of("person", Map.of("givenName", "Ann", "familyName", "Example")))).isEqualTo("Ann Example");
        assertThat(AssessmentPage.name(Map.of("status", "closed"))).isNull();
    }
}
