package org.linkwork.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemMappersTest {

    record Address(String postcode) {
    }

    record Person(List<Address> addresses) {
    }

    @Test
    void jsonMappingErrorsNameTheJsonPath() {
        try {
            new ObjectMapper().readValue("{\"addresses\":[{\"postcode\":\"LS6\"},{\"postcode\":{}}]}", Person.class);
        } catch (JsonMappingException e) {
            assertThat(ProblemMappers.pathOf(e)).isEqualTo("addresses[1].postcode");
            return;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("an object where a string belongs must not parse");
    }

    @Test
    void problemsCarryAStableTypeAndLeaveEmptyPartsOut() throws Exception {
        Problem p = Problem.of("validation-failed", "The request is not valid", 400, "name: must not be blank",
                List.of(new Problem.FieldError("name", "must not be blank"))).at("/services/x");
        String json = new ObjectMapper().writeValueAsString(p);
        assertThat(json).contains("\"type\":\"urn:linkwork:problem:validation-failed\"", "\"instance\":\"/services/x\"",
                "\"field\":\"name\"");
        String noErrors = new ObjectMapper().writeValueAsString(Problem.of("not-found", "Not found", 404, "gone", List.of()));
        assertThat(noErrors).doesNotContain("errors", "instance");
    }

    @Test
    void extensionMembersSitBesideTheStandardOnesInOrder() throws Exception {
        Problem p = Problem.of("invalid-transition", "Conflict", 409, "not now", List.of())
                .with("currentStatus", "received").with("allowed", List.of("accepted", "rejected")).at("/referrals/1/status");
        String json = new ObjectMapper().writeValueAsString(p);
        assertThat(json).contains("\"currentStatus\":\"received\"", "\"allowed\":[\"accepted\",\"rejected\"]",
                "\"instance\":\"/referrals/1/status\"").doesNotContain("extensions");
        assertThat(json.indexOf("currentStatus")).isLessThan(json.indexOf("allowed"));
    }
}
