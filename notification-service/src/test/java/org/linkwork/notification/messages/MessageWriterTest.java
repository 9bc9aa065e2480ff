package org.linkwork.notification.messages;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.linkwork.notification.rules.Rule;
import org.linkwork.notification.testing.NotificationTestResources;

/**
 * The words people get. English messages must read at Flesch–Kincaid grade {@value #MAX_GRADE} or
 * below (a reading age of about 10, as UK health writing guidance asks for public information);
 * every message names the link worker where it can, and says how to reach them.
 */
@QuarkusTest
@WithTestResource(NotificationTestResources.class)
class MessageWriterTest {

    static final double MAX_GRADE = 5.0;
    /** Two SMS fragments: a longer text costs a third and is split on older phones. */
    static final int MAX_SMS = 306;

    private static final UUID REFERRAL = UUID.fromString("6f1c2d0e-8a57-4a0f-9d3e-1c2b3a4d5e6f");
    private static final Map<String, String> SESSION = Map.of("sessionAt", "2026-06-09T09:30:00Z");

    @Inject
    MessageWriter writer;

    static Stream<Arguments> personRulesAndLanguages() {
        return Arrays.stream(Rule.values()).filter(r -> r.audience() == Rule.Audience.PERSON)
                .flatMap(r -> MessageWriter.LANGUAGES.stream().map(l -> Arguments.of(r, l)));
    }

    static Stream<Rule> personRules() {
        return Arrays.stream(Rule.values()).filter(r -> r.audience() == Rule.Audience.PERSON);
    }

    @ParameterizedTest
    @MethodSource("personRulesAndLanguages")
    void everyMessageNamesTheLinkWorkerAndAWayToReply(Rule rule, String language) {
        PersonMessageText email = writer.write(rule, language, "Ann", "Sam Jones", REFERRAL, "email", SESSION);
        assertThat(email.language()).isEqualTo(language);
        assertThat(email.subject()).isNotBlank().doesNotContain("{", "}");
        assertThat(email.text()).contains("Ann", "Sam Jones", "0113 496 0000", "6f1c2d0e").doesNotContain("{", "}", "null");
        assertThat(email.text()).contains(language.equals("cy") ? "atebwch yr e-bost hwn" : "reply to this email");
        assertThat(email.html()).contains("<html lang=\"" + language + "\">", "Sam Jones", "<p>");

        PersonMessageText sms = writer.write(rule, language, "Ann", "Sam Jones", REFERRAL, "sms", SESSION);
        assertThat(sms.text()).doesNotContain("email", "e-bost");
        assertThat(sms.sms()).contains("0113 496 0000").doesNotContain("{", "null").hasSizeLessThanOrEqualTo(MAX_SMS);
    }

    @ParameterizedTest
    @MethodSource("personRules")
    void englishMessagesAreEasyToRead(Rule rule) {
        PersonMessageText email = writer.write(rule, "en", "Ann", "Sam Jones", REFERRAL, "email", SESSION);
        assertThat(ReadingAge.grade(email.subject() + ".\n" + email.text())).as(rule.code() + " e-mail").isLessThanOrEqualTo(MAX_GRADE);
        PersonMessageText sms = writer.write(rule, "en", null, "Sam Jones", REFERRAL, "sms", SESSION);
        assertThat(ReadingAge.grade(sms.sms())).as(rule.code() + " text message").isLessThanOrEqualTo(MAX_GRADE);
    }

    @Test
    void welshReadersGetWelshWordsAndWelshDates() {
        PersonMessageText cy = writer.write(Rule.SESSION_REMINDER, "cy-GB", null, "Sam Jones", REFERRAL, "sms", SESSION);
        PersonMessageText en = writer.write(Rule.SESSION_REMINDER, "en", null, "Sam Jones", REFERRAL, "sms", SESSION);
        assertThat(cy.language()).isEqualTo("cy");
        assertThat(cy.text()).startsWith("Helo,").contains("Mehefin", "10:30").doesNotContain("June", "reminder");
        assertThat(en.text()).startsWith("Hello,").contains("Tuesday 9 June at 10:30am"); // 09:30 UTC is 10:30 BST
        assertThat(writer.write(Rule.SESSION_REMINDER, "pl", null, "Sam", REFERRAL, "sms", SESSION).language()).isEqualTo("en");
        assertThat(writer.write(Rule.SESSION_REMINDER, null, null, "Sam", REFERRAL, "sms", SESSION).language()).isEqualTo("en");
    }

    @Test
    void anUnknownLinkWorkerIsStillSomeoneToCall() {
        PersonMessageText text = writer.write(Rule.BOOKING_CONFIRMED, "en", null, null, REFERRAL, "email", Map.of());
        assertThat(text.text()).contains("call your link worker on 0113 496 0000").doesNotContain("first session");
        assertThat(writer.write(Rule.LINK_WORKER_INTRODUCED, "en", null, " ", REFERRAL, "email", Map.of()).text())
                .contains("You now have a link worker.");
        assertThat(writer.write(Rule.FOLLOW_UP_DUE, "en", null, null, REFERRAL, "email", Map.of()).text())
                .contains("Your link worker will call you");
    }

    @Test
    void theHtmlPartEscapesWhatItQuotes() {
        PersonMessageText text = writer.write(Rule.LINK_WORKER_INTRODUCED, "en", "<b>Ann & Bo</b>", "Sam <script>", REFERRAL, "email",
                Map.of());
        assertThat(text.html()).contains("&lt;b&gt;Ann &amp; Bo&lt;/b&gt;", "Sam &lt;script&gt;").doesNotContain("<script>");
        assertThat(text.text()).contains("<b>Ann & Bo</b>");
        List<String> paragraphs = text.paragraphs();
        assertThat(paragraphs).hasSizeGreaterThan(3).allSatisfy(p -> assertThat(p).doesNotContain("\n"));
        assertThat(text.html()).contains("<title>Meet your link worker</title>");
    }
}
