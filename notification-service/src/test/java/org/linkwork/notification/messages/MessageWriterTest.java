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
    private static final String ACTIVITY = "Walk and talk, Hyde Park";
    /** As events that name the activity plan them. */
    private static final Map<String, String> NAMED = Map.of("sessionAt", "2026-06-09T09:30:00Z", "activity", ACTIVITY);

    @Inject
    MessageWriter writer;

    static Stream<Arguments> personRulesAndLanguages() {
        return Arrays.stream(Rule.values()).filter(r -> r.audience() == Rule.Audience.PERSON)
                .flatMap(r -> MessageWriter.LANGUAGES.stream().map(l -> Arguments.of(r, l)));
    }

    static Stream<Rule> personRules() {
        return Arrays.stream(Rule.values()).filter(r -> r.audience() == Rule.Audience.PERSON);
    }

    /** The messages about an activity: the booking, the reminder, the follow-up. */
    static Stream<Arguments> activityRulesAndLanguages() {
        return personRulesAndLanguages().filter(a -> a.get()[0] != Rule.LINK_WORKER_INTRODUCED);
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
        for (Map<String, String> details : List.of(SESSION, NAMED)) {
            String as = rule.code() + (details.containsKey("activity") ? " naming the activity" : "");
            PersonMessageText email = writer.write(rule, "en", "Ann", "Sam Jones", REFERRAL, "email", details);
            assertThat(ReadingAge.grade(email.subject() + ".\n" + email.text())).as(as + ", e-mail").isLessThanOrEqualTo(MAX_GRADE);
            PersonMessageText sms = writer.write(rule, "en", null, "Sam Jones", REFERRAL, "sms", details);
            assertThat(ReadingAge.grade(sms.sms())).as(as + ", text message").isLessThanOrEqualTo(MAX_GRADE);
        }
    }

    @ParameterizedTest
    @MethodSource("activityRulesAndLanguages")
    void messagesAboutTheActivityNameItWhenItIsKnown(Rule rule, String language) {
        PersonMessageText email = writer.write(rule, language, "Ann", "Sam Jones", REFERRAL, "email", NAMED);
        assertThat(email.text()).contains(ACTIVITY, "Sam Jones", "0113 496 0000").doesNotContain("{", "}", "null");
        assertThat(email.html()).contains("Walk and talk, Hyde Park");
        PersonMessageText sms = writer.write(rule, language, null, "Sam Jones", REFERRAL, "sms", NAMED);
        assertThat(sms.sms()).contains(ACTIVITY, "0113 496 0000").doesNotContain("{", "null").hasSizeLessThanOrEqualTo(MAX_SMS);
        // an event from before the name was carried: the same message, in today's words
        assertThat(writer.write(rule, language, null, "Sam Jones", REFERRAL, "sms", SESSION).sms())
                .doesNotContain(ACTIVITY, "{", "null").contains("0113 496 0000");
    }

    @Test
    void theBookingSaysWhereThePlaceIsOrKeepsTodaysWordsWithoutAName() {
        assertThat(writer.write(Rule.BOOKING_CONFIRMED, "en", null, "Sam Jones", REFERRAL, "email", NAMED).text())
                .contains("Good news. Your place at Walk and talk, Hyde Park is booked. Your first session is on Tuesday 9 June at 10:30am.");
        assertThat(writer.write(Rule.BOOKING_CONFIRMED, "en", null, "Sam Jones", REFERRAL, "email", SESSION).text())
                .contains("Good news. You have a place on your activity.");
        assertThat(writer.write(Rule.BOOKING_CONFIRMED, "en", null, "Sam Jones", REFERRAL, "sms", NAMED).sms())
                .startsWith("Good news, your place at Walk and talk, Hyde Park is booked. First session:");
        assertThat(writer.write(Rule.BOOKING_CONFIRMED, "cy", null, "Sam Jones", REFERRAL, "email", NAMED).text())
                .contains("Mae eich lle ar Walk and talk, Hyde Park wedi'i archebu.");
        assertThat(writer.write(Rule.BOOKING_CONFIRMED, "cy", null, "Sam Jones", REFERRAL, "email", SESSION).text())
                .contains("Mae gennych chi le ar eich gweithgaredd.");
        assertThat(writer.write(Rule.SESSION_REMINDER, "en", null, "Sam Jones", REFERRAL, "sms", NAMED).sms())
                .startsWith("Reminder about Walk and talk, Hyde Park: your next session is on Tuesday 9 June at 10:30am.");
        assertThat(writer.write(Rule.SESSION_REMINDER, "en", null, "Sam Jones", REFERRAL, "sms", SESSION).sms())
                .startsWith("Reminder: your next session is on Tuesday 9 June at 10:30am.");
        assertThat(writer.write(Rule.FOLLOW_UP_DUE, "en", null, "Sam Jones", REFERRAL, "email", Map.of("activity", ACTIVITY)).text())
                .contains("You finished Walk and talk, Hyde Park a few weeks ago.");
        assertThat(writer.write(Rule.FOLLOW_UP_DUE, "en", null, "Sam Jones", REFERRAL, "email", Map.of()).text())
                .contains("You finished your activity a few weeks ago.");
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
