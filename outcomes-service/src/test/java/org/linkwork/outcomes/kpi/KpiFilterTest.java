package org.linkwork.outcomes.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.linkwork.platform.problem.Problem;
import org.linkwork.platform.problem.ProblemException;

class KpiFilterTest {

    private static KpiFilter parse(String practice, String from, String to) {
        return KpiFilter.parse(KpiQuery.of(practice, from, to));
    }

    @Test
    void theBreakdownFiltersAreCheckedAgainstTheSharedVocabularies() {
        KpiQuery q = new KpiQuery();
        q.provider = "org-leeds-walking";
        q.activityType = "physical-activity";
        q.area = " ls6 ";
        q.ageBand = "75+";
        q.sex = "female";
        q.ethnicityGroup = "asian";
        q.deprivationDecile = "3";
        KpiFilter f = KpiFilter.parse(q);
        assertThat(f.area()).isEqualTo("LS6");
        assertThat(f.deprivationDecile()).isEqualTo(3);
        q.sex = "f";
        q.ethnicityGroup = "martian";
        q.deprivationDecile = "11";
        q.area = "LS6 2AA";
        q.ageBand = "old";
        q.provider = "a b";
        q.activityType = "Walking!";
        assertThatThrownBy(() -> KpiFilter.parse(q)).isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().errors())
                .extracting(Problem.FieldError::field)
                .containsExactlyInAnyOrder("sex", "ethnicityGroup", "deprivationDecile", "area", "ageBand", "provider", "activityType"));
    }

    @Test
    void everythingIsOptional() {
        assertThat(parse(null, null, null)).isEqualTo(KpiFilter.NONE);
    }

    @Test
    void aPracticeIsAnOdsCodeInUpperCase() {
        assertThat(parse("y90001", null, null).practice()).isEqualTo("Y90001");
        assertThat(parse("RR8", null, null).practice()).isEqualTo("RR8");
        assertThat(parse("ABCDE12345", null, null).practice()).isEqualTo("ABCDE12345");
    }

    @Test
    void aTeamIsATeamIdInLowerCase() {
        KpiQuery q = new KpiQuery();
        q.team = " Leeds-North ";
        assertThat(KpiFilter.parse(q).team()).isEqualTo("leeds-north");
        assertThat(KpiFilter.parse(q).teams()).isNull();
        q.team = "leeds north";
        assertThatThrownBy(() -> KpiFilter.parse(q)).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.problem().errors()).extracting(Problem.FieldError::field).containsExactly("team"));
        q.team = "";
        assertThat(KpiFilter.parse(q)).isEqualTo(KpiFilter.NONE);
    }

    @Test
    void fromAndToAreIsoDaysAndMayBeTheSameDay() {
        KpiFilter filter = parse(null, "2025-06-01", "2025-06-01");
        assertThat(filter.from()).isEqualTo(LocalDate.of(2025, 6, 1));
        assertThat(filter.to()).isEqualTo(LocalDate.of(2025, 6, 1));
    }

    @Test
    void everyBadParameterIsNamedAtOnce() {
        assertThatThrownBy(() -> parse("Y9", "2025-6-1", "tomorrow"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(400);
                    assertThat(e.problem().errors()).extracting(Problem.FieldError::field).containsExactly("practice", "from", "to");
                });
    }
}
