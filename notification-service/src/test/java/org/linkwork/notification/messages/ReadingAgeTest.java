package org.linkwork.notification.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The measure itself, against hand counts, so the template check below means something. */
class ReadingAgeTest {

    @Test
    void syllablesByTheRuleOfThumb() {
        assertThat(ReadingAge.syllables("cat")).isEqualTo(1);
        assertThat(ReadingAge.syllables("walking")).isEqualTo(2);
        assertThat(ReadingAge.syllables("reminder")).isEqualTo(3);
        assertThat(ReadingAge.syllables("activity")).isEqualTo(4);
        assertThat(ReadingAge.syllables("questionnaire")).isEqualTo(3);
        assertThat(ReadingAge.syllables("booked")).isEqualTo(1);
        assertThat(ReadingAge.syllables("place")).isEqualTo(1);
        assertThat(ReadingAge.syllables("prescribing")).isEqualTo(3);
    }

    @Test
    void shortPlainSentencesScoreLowAndLongLatinateOnesHigh() {
        // 6 words, 1 sentence, 6 syllables: 0.39 × 6 + 11.8 × 1 − 15.59 = −1.45
        assertThat(ReadingAge.grade("The cat sat on the mat.")).isCloseTo(-1.45, within(0.01));
        String dense = "Notwithstanding the aforementioned considerations, individuals experiencing socioeconomic "
                + "disadvantage frequently encounter considerable organisational complexity when navigating services.";
        assertThat(ReadingAge.grade(dense)).isGreaterThan(16);
    }

    @Test
    void numbersAndAddressesAreNotWords() {
        assertThat(ReadingAge.grade("Call 0113 496 0000.")).isEqualTo(ReadingAge.grade("Call."));
        assertThat(ReadingAge.bare("team@linkwork.test")).isEmpty();
    }
}
