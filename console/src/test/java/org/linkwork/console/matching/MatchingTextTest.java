package org.linkwork.console.matching;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.linkwork.events.Vocabulary;

class MatchingTextTest {

    @Test
    void distancesAreWrittenPlainly() {
        assertThat(MatchingText.km(0.7)).isEqualTo("0.7 km away");
        assertThat(MatchingText.km(12.0)).isEqualTo("12 km away");
        assertThat(MatchingText.km(0)).isEqualTo("0 km away");
        assertThat(MatchingText.km(null)).isEqualTo("No distance given");
        assertThat(MatchingText.kmValue(5.0)).isEqualTo("5");
        assertThat(MatchingText.kmValue(null)).isEmpty();
    }

    @Test
    void aScoreIsOutOfAHundred() {
        assertThat(MatchingText.score(0.842)).isEqualTo("84 out of 100");
        assertThat(MatchingText.score(1)).isEqualTo("100 out of 100");
    }

    @Test
    void theUnsuitableReasonsAreExactlyMatchingsVocabulary() {
        assertThat(MatchingText.unsuitableReasons()).extracting(MatchingText.Choice::code)
                .containsExactlyInAnyOrderElementsOf(Vocabulary.UNSUITABLE_REASONS);
        assertThat(MatchingText.unsuitable("too-far")).isEqualTo("Too far to travel");
        assertThat(MatchingText.unsuitable("some-new-code")).isEqualTo("Some new code");
    }

    @Test
    void cancelReasonsAreCodesReferralServiceAccepts() {
        assertThat(MatchingText.cancelReasons()).extracting(MatchingText.Choice::code)
                .allSatisfy(code -> assertThat(code).matches("^[a-z0-9][a-z0-9-]*$").hasSizeLessThanOrEqualTo(50))
                .contains("person-changed-mind", "no-longer-needed", "other");
    }

    @Test
    void theFiltersFollowTheVocabularysOrder() {
        assertThat(MatchingText.days()).extracting(MatchingText.Choice::code).containsExactlyElementsOf(Vocabulary.DAYS);
        assertThat(MatchingText.timesOfDay()).extracting(MatchingText.Choice::code).containsExactlyElementsOf(Vocabulary.TIMES_OF_DAY);
        assertThat(MatchingText.deliveryModes()).extracting(MatchingText.Choice::code).containsExactlyElementsOf(Vocabulary.DELIVERY_MODES);
        assertThat(MatchingText.days()).allSatisfy(c -> assertThat(c.text()).doesNotContain("-"));
    }

    @Test
    void reasonsOfProvidersAndOfCancellationsReadAsWords() {
        assertThat(MatchingText.reason("no-capacity")).isEqualTo("No places left");
        assertThat(MatchingText.reason("person-changed-mind")).isEqualTo("The person changed their mind");
        assertThat(MatchingText.reason("referral-withdrawn")).isEqualTo("The referral was withdrawn");
        assertThat(MatchingText.reason("fetch-failed")).isEqualTo("Fetch failed");
    }
}
