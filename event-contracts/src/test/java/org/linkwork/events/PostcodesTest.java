package org.linkwork.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PostcodesTest {

    @Test
    void theDistrictIsTheOutwardCode() {
        assertThat(Postcodes.districtOf("LS6 2AA")).contains("LS6");
        assertThat(Postcodes.districtOf("ls62aa")).contains("LS6");
        assertThat(Postcodes.districtOf(" m1 1ae ")).contains("M1");
        assertThat(Postcodes.districtOf("EC1A 1BB")).contains("EC1A");
        assertThat(Postcodes.districtOf("W1A 0AX")).contains("W1A");
        assertThat(Postcodes.districtOf("LS10 1AB")).contains("LS10");
    }

    @Test
    void postcodesTakeTheirCanonicalForm() {
        assertThat(Postcodes.normalise("ls6 2aa")).isEqualTo("LS6 2AA");
        assertThat(Postcodes.normalise(" ec1a1bb ")).isEqualTo("EC1A 1BB");
        assertThat("ls6 2aa").matches(Postcodes.PATTERN);
        assertThat("not a postcode").doesNotMatch(Postcodes.PATTERN);
    }

    @Test
    void anythingElseHasNoDistrict() {
        assertThat(Postcodes.districtOf(null)).isEmpty();
        assertThat(Postcodes.districtOf("")).isEmpty();
        assertThat(Postcodes.districtOf("LS6")).isEmpty();
        assertThat(Postcodes.districtOf("not a postcode")).isEmpty();
        assertThat(Postcodes.districtOf("12345")).isEmpty();
    }

    @Test
    void districtsAreNormalised() {
        assertThat(Postcodes.normaliseDistrict(" ls6 ")).contains("LS6");
        assertThat(Postcodes.normaliseDistrict("EC1A")).contains("EC1A");
        assertThat(Postcodes.normaliseDistrict("LS6 2AA")).isEmpty();
        assertThat(Postcodes.normaliseDistrict(null)).isEmpty();
        assertThat(Postcodes.normaliseDistrict("6LS")).isEmpty();
    }
}
