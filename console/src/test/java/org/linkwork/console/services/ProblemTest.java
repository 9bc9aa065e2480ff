package org.linkwork.console.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProblemTest {

    @Test
    void eachNamedFieldBecomesAnErrorLinkingToItsControl() {
        Problem problem = Problem.of(400, Map.of("type", "urn:linkwork:problem:validation-failed", "title", "Invalid request", "errors",
                List.of(Map.of("field", "goals[0].text", "message", "must not be blank"), Map.of("field", "travel.maxTravelKm", "message", "at most 200"))));

        assertThat(problem.errors()).extracting(Problem.FieldError::anchor).containsExactly("field-goals-text", "field-travel-maxTravelKm");
        assertThat(problem.about("goals")).isTrue();
        assertThat(problem.about("travel.maxTravelKm")).isTrue();
        assertThat(problem.about("travel.postcode")).isFalse();
        assertThat(problem.messageFor("goals")).isEqualTo("must not be blank");
    }

    @Test
    void aProblemWithoutFieldsIsSummarisedByItsDetailAndKeepsItsExtensions() {
        Problem problem = Problem.of(409, Map.of("type", "urn:linkwork:problem:invalid-transition", "title", "Not allowed now", "detail",
                "A referral that is matched cannot become received", "currentStatus", "matched", "allowed", List.of("closed")));

        assertThat(problem.errors()).isEmpty();
        assertThat(problem.summary()).isEqualTo("A referral that is matched cannot become received");
        assertThat(problem.extensions()).containsEntry("currentStatus", "matched").doesNotContainKeys("type", "title", "detail");
    }

    @Test
    void anErrorWithoutAFieldLinksToTheMainContent() {
        assertThat(new Problem.FieldError(null, "x").anchor()).isEqualTo("main-content");
        assertThat(new Problem.FieldError("answers.relaxed", "missing").anchor()).isEqualTo("field-answers-relaxed");
    }
}
