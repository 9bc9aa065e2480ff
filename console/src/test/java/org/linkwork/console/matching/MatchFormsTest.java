package org.linkwork.console.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.linkwork.console.services.Problem;
import org.linkwork.console.web.Form;

class MatchFormsTest {

    private static Form form(Map<String, List<String>> values) {
        return Form.of(values);
    }

    @Test
    void aRerunSendsTheTickedFiltersInTheVocabularysOrder() {
        Map<String, Object> body = MatchForms.rerun(form(Map.of("maxTravelKm", List.of(" 7.5 "), "days", List.of("thu", "mon"),
                "timesOfDay", List.of("evening"), "deliveryModes", List.of("telephone", "in-person"))), false);

        assertThat(body).containsExactly(Map.entry("maxTravelKm", new BigDecimal("7.5")), Map.entry("days", List.of("mon", "thu")),
                Map.entry("timesOfDay", List.of("evening")), Map.entry("deliveryModes", List.of("in-person", "telephone")),
                Map.entry("save", false));
    }

    @Test
    void nothingTickedMeansAnyAndAnEmptyDistanceKeepsTheAssessments() {
        Map<String, Object> body = MatchForms.rerun(form(Map.of("maxTravelKm", List.of(""))), true);

        assertThat(body).doesNotContainKey("maxTravelKm");
        assertThat(body).containsEntry("days", List.of()).containsEntry("timesOfDay", List.of()).containsEntry("deliveryModes", List.of())
                .containsEntry("save", true);
    }

    @Test
    void aDistanceReadsAsANumberWithACommaOrKmTooAndOtherwiseGoesAsTypedForMatchingToRefuse() {
        assertThat(MatchForms.number("7,5")).isEqualTo(new BigDecimal("7.5"));
        assertThat(MatchForms.number("12 km")).isEqualTo(new BigDecimal("12"));
        assertThat(MatchForms.number("500")).isEqualTo(new BigDecimal("500"));
        assertThat(MatchForms.number("five")).isEqualTo("five");
    }

    @Test
    void aCodeOutsideTheVocabularyIsSentSoThatMatchingNamesIt() {
        Map<String, Object> body = MatchForms.rerun(form(Map.of("days", List.of("someday", "tue"))), false);

        assertThat(body.get("days")).isEqualTo(List.of("tue", "someday"));
    }

    @Test
    void choosingSendsNoReasonAndNotSuitableSendsItsReason() {
        assertThat(MatchForms.feedback(form(Map.of("serviceId", List.of("s-1"), "decision", List.of("chosen"), "reasonCode", List.of("cost")))))
                .containsExactly(Map.entry("serviceId", "s-1"), Map.entry("decision", "chosen"));
        assertThat(MatchForms.feedback(form(Map.of("serviceId", List.of("s-1"), "decision", List.of("not-suitable"), "reasonCode",
                List.of("too-far"))))).containsExactly(Map.entry("serviceId", "s-1"), Map.entry("decision", "not-suitable"),
                        Map.entry("reasonCode", "too-far"));
    }

    @Test
    void notSuitableWithoutAReasonIsRefusedBeforeAsking() {
        Problem problem = MatchForms.feedbackProblem(form(Map.of("serviceId", List.of("s-1"), "decision", List.of("not-suitable"))));

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("reasonCode");
            assertThat(e.anchor()).isEqualTo("field-reasonCode");
        });
        assertThat(MatchForms.feedbackProblem(form(Map.of("decision", List.of("chosen"))))).isNull();
    }

    @Test
    void anActivityReferralSharesThePhoneOnlyWhenTicked() {
        assertThat(MatchForms.activityReferral(form(Map.of("serviceId", List.of("s-1"), "shareContact", List.of("true"))), "walking-group"))
                .containsExactly(Map.entry("serviceId", "s-1"), Map.entry("shareContact", true), Map.entry("activityType", "walking-group"));
        assertThat(MatchForms.activityReferral(form(Map.of("serviceId", List.of("s-1"))), null))
                .containsExactly(Map.entry("serviceId", "s-1"), Map.entry("shareContact", false));
    }

    @Test
    void theActivityTypeIsTheDirectorysActivityTerm() {
        Map<String, Object> service = Map.of("attributes", List.of(
                Map.of("taxonomy_term", Map.of("code", "loneliness", "taxonomy", "urn:linkwork:need")),
                Map.of("taxonomy_term", Map.of("code", "walking-group", "taxonomy", "urn:linkwork:activity")),
                Map.of("taxonomy_term", Map.of("code", "gardening-group", "taxonomy", "urn:linkwork:activity"))));

        assertThat(MatchForms.activityType(service)).isEqualTo("walking-group");
        assertThat(MatchForms.activityType(Map.of("attributes", List.of(Map.of("taxonomy_term", Map.of("code", "loneliness",
                "taxonomy", "urn:linkwork:need")))))).isNull();
        assertThat(MatchForms.activityType(Map.of())).isNull();
    }

    @Test
    void aCancellationNeedsItsReason() {
        assertThat(MatchForms.cancel(form(Map.of("reasonCode", List.of("person-changed-mind")))))
                .containsExactly(Map.entry("status", "cancelled"), Map.entry("reasonCode", "person-changed-mind"));
        assertThat(MatchForms.cancelProblem(form(Map.of("reasonCode", List.of(" "))))).satisfies(
                p -> assertThat(p.errors()).extracting(Problem.FieldError::field).containsExactly("reasonCode"));
        assertThat(MatchForms.cancelProblem(form(Map.of("reasonCode", List.of("other"))))).isNull();
    }
}
