package org.linkwork.console.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.linkwork.console.services.Problem;

class PlainlyTest {

    @Test
    void aKnownConflictIsPutInPlainWords() {
        Problem open = Problem.of(409, Map.of("type", "urn:linkwork:problem:activity-referral-open", "title", "An activity referral to this activity is open",
                "detail", "Activity referral 4c9a2f28 to this activity is still requested", "existingActivityReferralId", "4c9a2f28"));

        Problem plain = Plainly.explain(open);

        assertThat(plain.status()).isEqualTo(409);
        assertThat(plain.summary()).startsWith("An activity referral to this activity is already open");
        assertThat(plain.extensions()).containsEntry("existingActivityReferralId", "4c9a2f28");
    }

    @Test
    void fieldErrorsAndUnknownTypesAreLeftAsTheServiceSaidThem() {
        Problem invalid = Problem.of(400, Map.of("type", "urn:linkwork:problem:validation-failed", "detail", "not proposed",
                "errors", List.of(Map.of("field", "serviceId", "message", "not one of the activities proposed for this referral"))));
        Problem other = Problem.of(409, Map.of("type", "urn:linkwork:problem:something-else", "detail", "as it was"));

        assertThat(Plainly.explain(invalid)).isEqualTo(invalid);
        assertThat(Plainly.explain(other).summary()).isEqualTo("as it was");
    }
}
