package org.linkwork.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class QueryParametersTest {

    @Test
    void absentOrBlankTakesTheDefault() {
        assertThat(QueryParameters.integer("page", null, 1, 1, 10)).isEqualTo(1);
        assertThat(QueryParameters.integer("page", " ", 1, 1, 10)).isEqualTo(1);
        assertThat(QueryParameters.integer("page", " 7 ", 1, 1, 10)).isEqualTo(7);
    }

    @Test
    void badValuesNameTheParameter() {
        for (String bad : new String[] {"0", "11", "x", "1.5", "99999999999"}) {
            assertThatThrownBy(() -> QueryParameters.integer("per_page", bad, 1, 1, 10))
                    .isInstanceOfSatisfying(ProblemException.class, e -> {
                        assertThat(e.problem().status()).isEqualTo(400);
                        assertThat(e.problem().errors()).extracting(Problem.FieldError::field).containsExactly("per_page");
                    });
        }
    }
}
