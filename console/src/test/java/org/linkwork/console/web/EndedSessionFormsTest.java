package org.linkwork.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class EndedSessionFormsTest {

    private static final URI CONSOLE = URI.create("http://127.0.0.1:8080/referrals/r-1/notes");

    @Test
    void aFormBodyIsReadAsTheBrowserSentIt() {
        assertThat(EndedSessionForms.fields("text=Spoke+to+her+daughter%2C+%C2%A35+a+week&needs=loneliness&needs=debt&empty="))
                .containsEntry("text", List.of("Spoke to her daughter, £5 a week"))
                .containsEntry("needs", List.of("loneliness", "debt"))
                .containsEntry("empty", List.of(""));
    }

    @Test
    void thePersonReturnsToThePageTheFormWasOnAndNowhereElse() {
        assertThat(CsrfCheck.pageOf("/referrals/r-1/notes", "http://127.0.0.1:8080/referrals/r-1?done=note", CONSOLE))
                .isEqualTo("/referrals/r-1?done=note");
        assertThat(CsrfCheck.pageOf("/referrals/r-1/notes", "https://elsewhere.example/phish", CONSOLE)).as("another site's page")
                .isEqualTo("/referrals/r-1");
        assertThat(CsrfCheck.pageOf("/referrals/r-1/notes", "http://127.0.0.1:9999/x", CONSOLE)).as("another port").isEqualTo("/referrals/r-1");
        assertThat(CsrfCheck.pageOf("/referrals/r-1/notes", null, CONSOLE)).isEqualTo("/referrals/r-1");
        assertThat(CsrfCheck.pageOf("/referrals/r-1/notes", "not a uri at all", CONSOLE)).isEqualTo("/referrals/r-1");
    }
}
