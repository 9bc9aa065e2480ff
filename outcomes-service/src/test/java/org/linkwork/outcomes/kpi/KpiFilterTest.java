package org.linkwork.outcomes.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.linkwork.platform.problem.Problem;
import org.linkwork.platform.problem.ProblemException;

class KpiFilterTest {

    @Test
    void everythingIsOptional() {
        assertThat(KpiFilter.parse(null, null, null)).isEqualTo(new KpiFilter(null, null, null));
    }

    @Test
    void aPracticeIsAnOdsCodeInUpperCase() {
        assertThat(KpiFilter.parse("y90001", null, null).practice()).isEqualTo("Y90001");
        assertThat(KpiFilter.parse("RR8", null, null).practice()).isEqualTo("RR8");
        assertThat(KpiFilter.parse("ABCDE12345", null, null).practice()).isEqualTo("ABCDE12345");
    }

    @Test
    void fromAndToAreIsoDaysAndMayBeTheSameDay() {
        KpiFilter filter = KpiFilter.parse(null, "2025-06-01", "2025-06-01");
        assertThat(filter.from()).isEqualTo(LocalDate.of(2025, 6, 1));
        assertThat(filter.to()).isEqualTo(LocalDate.of(2025, 6, 1));
    }

    @Test
    void everyBadParameterIsNamedAtOnce() {
        assertThatThrownBy(() -> KpiFilter.parse("Y9", "2025-6-1", "tomorrow"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(400);
                    assertThat(e.problem().errors()).extracting(Problem.FieldError::field).containsExactly("practice", "from", "to");
                });
    }
}
