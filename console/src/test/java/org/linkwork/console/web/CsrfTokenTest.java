package org.linkwork.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CsrfTokenTest {

    private static final byte[] KEY = "a-console-secret-of-enough-length-0123456789".getBytes(StandardCharsets.UTF_8);

    @Test
    void theTokenIsBoundToThePersonAndTheirSession() {
        String mine = CsrfToken.sign(KEY, "subject-1|session-a");

        assertThat(CsrfToken.sign(KEY, "subject-1|session-a")).isEqualTo(mine);
        assertThat(CsrfToken.sign(KEY, "subject-1|session-b")).as("the same person signed in again").isNotEqualTo(mine);
        assertThat(CsrfToken.sign(KEY, "subject-2|session-a")).as("another person").isNotEqualTo(mine);
        assertThat(CsrfToken.sign("another-console-secret-of-enough-length-01234".getBytes(StandardCharsets.UTF_8), "subject-1|session-a"))
                .as("another console's key").isNotEqualTo(mine);
        assertThat(mine).matches("[A-Za-z0-9_-]{43}");
    }
}
