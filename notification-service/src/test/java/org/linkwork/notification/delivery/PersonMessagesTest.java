package org.linkwork.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.linkwork.events.ActivityCompleted;
import org.linkwork.events.EventJson;
import org.linkwork.events.NotificationDelivered;
import org.linkwork.events.NotificationFailed;
import org.linkwork.events.Topic;
import org.linkwork.notification.Inboxes;
import org.linkwork.notification.People;
import org.linkwork.notification.People.Person;
import org.linkwork.notification.people.PersonContact;
import org.linkwork.notification.people.QuietHours;
import org.linkwork.notification.rules.NotificationRules;
import org.linkwork.notification.testing.NotificationTestResources;
import org.linkwork.notification.testing.NotifyStub;
import org.linkwork.notification.testing.TestMail;
import org.linkwork.platform.testing.TestTokens;
import org.linkwork.platform.testing.TopicProbe;

/**
 * Messages to people, end to end: events in from Kafka, e-mail into a real SMTP server, text
 * messages into the Notify-shaped stub, and notification-delivered or -failed out.
 */
@QuarkusTest
@WithTestResource(NotificationTestResources.class)
class PersonMessagesTest {

    @AfterEach
    void gatewayBackUp() {
        NotifyStub.mode(NotifyStub.Mode.UP);
    }

    @Test
    void aPersonWhoPrefersEmailMeetsTheirLinkWorkerByEmailInPlainTextAndHtml() throws Exception {
        Person person = People.newPerson();
        People.knownAs(People.contact(person, "email", "en"));
        String linkWorker = Inboxes.uniqueUser("lw");
        String eventId = TopicProbe.publish(People.assigned(person, linkWorker, "Sam Jones"));

        MimeMessage mail = awaitMail(person.email(), 1).get(0);
        assertThat(mail.getSubject()).isEqualTo("Meet your link worker");
        assertThat(mail.getReplyTo()[0].toString()).contains("team@linkwork.test");
        Map<String, String> parts = parts(mail);
        assertThat(parts.get("text/plain")).contains("Hello Ann Example,", "Your link worker is Sam Jones.", "0113 496 0000",
                "reply to this email", person.referralId().substring(0, 8));
        assertThat(parts.get("text/html")).contains("<p>Hello Ann Example,</p>", "Your link worker is Sam Jones.</p>");

        // the link worker hears of the assignment in their inbox
        assertThat(Inboxes.awaitAbout(TestTokens.bearer(linkWorker, "link-worker", Inboxes.uniqueOrganisation()), person.referralId(), 1))
                .extracting(n -> n.get("title")).containsExactly("Linkwork gave you referral " + person.referralId().substring(0, 8));

        List<ConsumerRecord<String, String>> delivered = awaitAnnounced(Topic.NOTIFICATION_DELIVERED, eventId, "email");
        NotificationDelivered event = EventJson.read(delivered.get(0).value(), NotificationDelivered.class);
        assertThat(event.recipientKind()).isEqualTo("person");
        assertThat(event.referralId()).isEqualTo(person.referralId());
        assertThat(delivered.get(0).value()).doesNotContain(person.email(), person.personRef(), "Ann", "Sam Jones");
        assertThat(People.deliveries(person)).singleElement().satisfies(d -> {
            assertThat(d.status).isEqualTo(Delivery.SENT);
            assertThat(d.sentVia).isEqualTo("email");
            assertThat(d.content).doesNotContain(person.email(), "Ann");
        });
    }

    @Test
    void aWelshSpeakerWhoPrefersTextsGetsTheirBookingInWelshThroughTheGateway() {
        Person person = People.newPerson();
        People.knownAs(People.contact(person, "sms", "cy"));
        TopicProbe.publish(People.assigned(person, "lw.demo", "Sam Jones"));
        Instant session = Instant.now().plus(Duration.ofDays(5));
        TopicProbe.publish(People.activity(person, "ar-" + UUID.randomUUID(), "accepted", session));

        List<NotifyStub.Sms> texts = Awaitility.await().atMost(Inboxes.PATIENCE).until(() -> NotifyStub.to(person.mobile()), t -> t.size() == 2);
        assertThat(texts).allSatisfy(sms -> assertThat(sms.templateId()).isEqualTo(NotifyStub.TEMPLATE_ID));
        assertThat(texts).extracting(NotifyStub.Sms::body).anySatisfy(b -> assertThat(b).contains("eich gweithiwr cyswllt yw Sam Jones"))
                .anySatisfy(b -> assertThat(b).startsWith("Newyddion da").contains("Sesiwn gyntaf"));
        // the gateway has the texts before the service records their outcome: wait for the record
        List<Delivery> rows = People.awaitDeliveries(person,
                d -> d.stream().filter(x -> !x.rule.equals("session-reminder")).allMatch(x -> Delivery.SENT.equals(x.status)));
        assertThat(rows).extracting(d -> d.rule, d -> d.status).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("link-worker-introduced", Delivery.SENT),
                org.assertj.core.groups.Tuple.tuple("booking-confirmed", Delivery.SENT),
                org.assertj.core.groups.Tuple.tuple("session-reminder", Delivery.PENDING));
        // the gateway's reference is our delivery id, so its callbacks can be matched
        assertThat(texts).extracting(NotifyStub.Sms::reference).allSatisfy(r -> assertThat(rows).extracting(d -> d.id.toString()).contains(r));
        assertThat(NotifyStub.refusals()).isEmpty();
    }

    @Test
    void aRedeliveredEventSendsNothingTwice() {
        Person person = People.newPerson();
        People.knownAs(People.contact(person, "email", "en"));
        String eventId = UUID.randomUUID().toString();
        String payload = EventJson.write(People.assigned(person, "lw.demo", "Sam Jones"));
        TopicProbe.publish(Topic.REFERRAL_ASSIGNED, person.referralId(), payload, eventId);
        awaitMail(person.email(), 1);

        TopicProbe.publish(Topic.REFERRAL_ASSIGNED, person.referralId(), payload, eventId);
        TopicProbe.publish(People.assigned(person, "lw.other", "Alex Smith")); // a marker after it, on the same partition
        List<MimeMessage> mails = awaitMail(person.email(), 2);
        assertThat(People.awaitDeliveries(person, d -> d.stream().allMatch(x -> Delivery.SENT.equals(x.status)))).hasSize(2);
        assertThat(TestMail.to(person.email())).hasSize(2);
        assertThat(mails).extracting(m -> text(m)).anySatisfy(t -> assertThat(t).contains("Alex Smith"));
    }

    @Test
    void theSameSessionIsRemindedOnceAndAMovedSessionReplacesItsReminder() {
        Person person = People.newPerson();
        People.knownAs(People.contact(person, "email", "en"));
        String activityReferral = "ar-" + UUID.randomUUID();
        Instant first = Instant.now().plus(Duration.ofDays(5)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        TopicProbe.publish(People.activity(person, activityReferral, "accepted", first));
        TopicProbe.publish(People.activity(person, activityReferral, "in-progress", first));
        Instant moved = first.plus(Duration.ofDays(7));
        TopicProbe.publish(People.activity(person, activityReferral, "in-progress", moved));

        List<Delivery> rows = People.awaitDeliveries(person, d -> d.stream().filter(x -> x.rule.equals("session-reminder")).count() == 2
                && d.stream().anyMatch(x -> Delivery.CANCELLED.equals(x.status)));
        List<Delivery> reminders = rows.stream().filter(d -> d.rule.equals("session-reminder")).toList();
        assertThat(reminders).extracting(d -> d.dedupKey, d -> d.status, d -> d.dueAt).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(NotificationRules.reminderKey(activityReferral, first), Delivery.CANCELLED,
                        first.minus(Duration.ofDays(1))),
                org.assertj.core.groups.Tuple.tuple(NotificationRules.reminderKey(activityReferral, moved), Delivery.PENDING,
                        moved.minus(Duration.ofDays(1))));

        // the activity referral is cancelled: no reminder is left
        TopicProbe.publish(People.activity(person, activityReferral, "cancelled", moved));
        People.awaitDeliveries(person, d -> d.stream().filter(x -> x.rule.equals("session-reminder")).allMatch(x -> Delivery.CANCELLED.equals(x.status)));
    }

    @Test
    void theReminderGoesWhenItIsDue() {
        Person person = People.newPerson();
        People.knownAs(People.contact(person, "email", "en"));
        TopicProbe.publish(People.assigned(person, "lw.demo", "Sam Jones"));
        // the reminder names the link worker the assignment told of: that topic is not ordered with the activity's
        awaitMail(person.email(), 1);
        // a session a day and a few seconds away: the reminder is due in a few seconds
        Instant session = Instant.now().plus(Duration.ofDays(1)).plusSeconds(3);
        TopicProbe.publish(People.activity(person, "ar-" + UUID.randomUUID(), "accepted", session));

        List<MimeMessage> mails = awaitMail(person.email(), 3);
        assertThat(mails).extracting(PersonMessagesTest::subject)
                .containsExactlyInAnyOrder("Meet your link worker", "Your place is booked", "A reminder about your activity");
        MimeMessage reminder = mails.stream().filter(m -> subject(m).startsWith("A reminder")).findFirst().orElseThrow();
        assertThat(text(reminder)).contains("your next session is on", "call Sam Jones on 0113 496 0000");
        // an event from before activities were named keeps the words it always had
        MimeMessage booking = mails.stream().filter(m -> subject(m).equals("Your place is booked")).findFirst().orElseThrow();
        assertThat(text(booking)).contains("Good news. You have a place on your activity.");
    }

    @Test
    void theBookingAndTheReminderNameTheActivity() {
        Person person = People.newPerson();
        People.knownAs(People.contact(person, "email", "en"));
        TopicProbe.publish(People.assigned(person, "lw.demo", "Sam Jones"));
        Instant session = Instant.now().plus(Duration.ofDays(1)).plusSeconds(3);
        TopicProbe.publish(People.activity(person, "ar-" + UUID.randomUUID(), "accepted", session, "Walk and talk, Hyde Park"));

        List<MimeMessage> mails = awaitMail(person.email(), 3);
        MimeMessage booking = mails.stream().filter(m -> subject(m).equals("Your place is booked")).findFirst().orElseThrow();
        assertThat(text(booking)).contains("Good news. Your place at Walk and talk, Hyde Park is booked. Your first session is on");
        MimeMessage reminder = mails.stream().filter(m -> subject(m).startsWith("A reminder")).findFirst().orElseThrow();
        assertThat(text(reminder)).contains("This is a reminder about Walk and talk, Hyde Park. Your next session is on");
        // the name is planned with the message, beside the session time; nothing about the person is
        assertThat(People.deliveries(person)).filteredOn(d -> !d.rule.equals("link-worker-introduced"))
                .hasSize(2).allSatisfy(d -> assertThat(d.content).contains("Walk and talk, Hyde Park").doesNotContain(person.email(), "Ann"));
    }

    @Test
    void completionSendsTheMessageBackAndTheFollowUpWhenItIsDue() {
        Person person = People.newPerson();
        People.knownAs(People.contact(person, "email", "en"));
        String organisation = Inboxes.uniqueOrganisation();
        String activityReferral = "ar-" + UUID.randomUUID();
        String linkWorker = Inboxes.uniqueUser("lw");
        TopicProbe.publish(new org.linkwork.events.ReferralAssigned(person.referralId(), person.personRef(), organisation, linkWorker,
                "Sam Jones", null, "system", Instant.now()));
        // topics are not ordered with each other: the assignment (and so the referrer) is known first here, as in life
        Inboxes.awaitAbout(TestTokens.bearer(linkWorker, "link-worker", null), person.referralId(), 1);
        // finished six weeks ago, less a few seconds: the follow-up is due in a few seconds. The event is the first
        // version's, without the practice: the referrer comes from the assignment
        Instant finished = Instant.now().minus(Duration.ofDays(42)).plusSeconds(3);
        TopicProbe.publish(new ActivityCompleted(activityReferral, person.referralId(), person.personRef(), "svc-walk",
                "org-leeds-walking", 6, finished));

        String referrer = TestTokens.bearer(Inboxes.uniqueUser("gp"), "referrer", organisation);
        assertThat(Inboxes.awaitAbout(referrer, person.referralId(), 1)).singleElement().satisfies(n -> {
            assertThat(n.get("title")).isEqualTo("The person you referred has finished their activity");
            assertThat((String) n.get("body")).contains("6 sessions attended");
        });
        List<MimeMessage> mails = awaitMail(person.email(), 2);
        assertThat(mails).extracting(PersonMessagesTest::subject).containsExactlyInAnyOrder("Meet your link worker", "How are things going?");
        assertThat(mails).filteredOn(m -> subject(m).equals("How are things going?")).singleElement()
                .satisfies(m -> assertThat(text(m)).contains("You finished your activity a few weeks ago."));
        Delivery followUp = People.awaitDeliveries(person, d -> d.stream().allMatch(x -> Delivery.SENT.equals(x.status))).stream()
                .filter(d -> d.rule.equals("follow-up-due")).findFirst().orElseThrow();
        // sent when due, not when planned
        assertThat(followUp.completedAt).isAfterOrEqualTo(finished.plus(Duration.ofDays(42)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertThat(followUp.createdAt).isBefore(finished.plus(Duration.ofDays(42)));
    }

    @Test
    void aCompletionNamingItsPracticeReachesTheReferrerWithNoEarlierEvent() {
        Person person = People.newPerson();
        String organisation = Inboxes.uniqueOrganisation();
        // nothing else about this referral has arrived: the completion alone says whom to tell
        TopicProbe.publish(new ActivityCompleted("ar-" + UUID.randomUUID(), person.referralId(), person.personRef(), "svc-walk",
                "org-leeds-walking", 4, Instant.now(), organisation, "Walk and talk, Hyde Park"));

        String referrer = TestTokens.bearer(Inboxes.uniqueUser("gp"), "referrer", organisation);
        assertThat(Inboxes.awaitAbout(referrer, person.referralId(), 1)).singleElement().satisfies(n -> {
            assertThat(n.get("title")).isEqualTo("The person you referred has finished their activity");
            assertThat((String) n.get("body")).contains("\"Walk and talk, Hyde Park\" (4 sessions attended)");
        });
        // the follow-up, weeks later, will name the activity too
        assertThat(People.awaitDeliveries(person, d -> !d.isEmpty())).singleElement().satisfies(d -> {
            assertThat(d.rule).isEqualTo("follow-up-due");
            assertThat(d.content).contains("Walk and talk, Hyde Park");
        });
    }

    @Test
    void optedOutAndWithdrawnPeopleGetNothing() {
        Person optedOut = People.newPerson();
        People.knownAs(People.contact(optedOut, "email", "en", null, null, true, false));
        Person withdrawn = People.newPerson();
        People.knownAs(People.contact(withdrawn, "sms", "en", null, null, false, true));
        TopicProbe.publish(People.assigned(optedOut, "lw.demo", "Sam Jones"));
        TopicProbe.publish(People.assigned(withdrawn, "lw.demo", "Sam Jones"));

        assertThat(People.awaitDeliveries(optedOut, d -> !d.isEmpty())).singleElement()
                .satisfies(d -> assertThat(d.status + "/" + d.lastError).isEqualTo("suppressed/opted-out"));
        assertThat(People.awaitDeliveries(withdrawn, d -> !d.isEmpty())).singleElement()
                .satisfies(d -> assertThat(d.status + "/" + d.lastError).isEqualTo("suppressed/consent-withdrawn"));

        // someone who withdraws consent later loses what was still waiting for them
        Person later = People.newPerson();
        People.knownAs(People.contact(later, "email", "en"));
        TopicProbe.publish(People.activity(later, "ar-" + UUID.randomUUID(), "accepted", Instant.now().plus(Duration.ofDays(9))));
        People.awaitDeliveries(later, d -> d.stream().anyMatch(x -> x.rule.equals("session-reminder")));
        People.knownAs(People.contact(later, "email", "en", null, null, false, true));
        assertThat(People.awaitDeliveries(later, d -> d.stream().anyMatch(x -> Delivery.CANCELLED.equals(x.status))))
                .filteredOn(d -> d.rule.equals("session-reminder")).singleElement()
                .satisfies(d -> assertThat(d.lastError).isEqualTo("consent-withdrawn"));

        assertThat(TestMail.to(optedOut.email())).isEmpty();
        assertThat(NotifyStub.to(withdrawn.mobile())).isEmpty();
    }

    @Test
    void quietHoursDeferAMessageUntilTheyEnd() {
        Person person = People.newPerson();
        LocalTime now = LocalTime.now(QuietHours.UK);
        DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
        People.knownAs(People.contact(person, "email", "en", now.minusHours(1).format(hhmm), now.plusHours(1).format(hhmm), false, false));
        TopicProbe.publish(People.assigned(person, "lw.demo", "Sam Jones"));

        Delivery waiting = People.awaitDeliveries(person, d -> !d.isEmpty() && d.get(0).dueAt.isAfter(Instant.now().plusSeconds(1800))).get(0);
        assertThat(waiting.status).isEqualTo(Delivery.PENDING);
        assertThat(waiting.attempts).isZero();
        assertThat(waiting.dueAt).isBetween(Instant.now().plus(Duration.ofMinutes(58)), Instant.now().plus(Duration.ofMinutes(61)));
        assertThat(TestMail.to(person.email())).isEmpty();

        // the quiet hours end (the clock is moved on for the row; the person still has quiet hours set)
        People.knownAs(People.contact(person, "email", "en", now.plusHours(2).format(hhmm), now.plusHours(3).format(hhmm), false, false));
        QuarkusTransaction.requiringNew().run(() -> Delivery.update("dueAt = ?1 where id = ?2", Instant.now(), waiting.id));
        assertThat(awaitMail(person.email(), 1)).extracting(PersonMessagesTest::subject).containsExactly("Meet your link worker");
    }

    @Test
    void aForgottenPersonsDetailsAndWaitingMessagesAreGone() {
        Person person = People.newPerson();
        People.knownAs(People.contact(person, "sms", "en"));
        TopicProbe.publish(People.activity(person, "ar-" + UUID.randomUUID(), "in-progress", Instant.now().plus(Duration.ofDays(9))));
        People.awaitDeliveries(person, d -> d.stream().anyMatch(x -> Delivery.PENDING.equals(x.status)));

        TopicProbe.publish(Topic.PERSON_CONTACT_CHANGED, person.personRef(), null, UUID.randomUUID().toString());
        People.awaitDeliveries(person, d -> d.stream().allMatch(x -> Delivery.CANCELLED.equals(x.status)));
        assertThat(QuarkusTransaction.requiringNew().<Object>call(() -> PersonContact.findById(person.personRef()))).isNull();
    }

    @Test
    void aGatewayOutageNeitherHoldsUpEmailNorEndsInSilence() {
        Person texter = People.newPerson();
        People.knownAs(People.contact(texter, "sms", "en"));
        Person emailer = People.newPerson();
        People.knownAs(People.contact(emailer, "email", "en"));

        NotifyStub.mode(NotifyStub.Mode.HANGING);
        int before = NotifyStub.requests();
        String textEvent = TopicProbe.publish(People.assigned(texter, "lw.demo", "Sam Jones"));
        Awaitility.await().atMost(Inboxes.PATIENCE).until(() -> NotifyStub.requests() > before);
        TopicProbe.publish(People.assigned(emailer, "lw.demo", "Sam Jones"));
        // the e-mail goes while the SMS gateway still hangs
        awaitMail(emailer.email(), 1);
        assertThat(NotifyStub.to(texter.mobile())).isEmpty();

        NotifyStub.mode(NotifyStub.Mode.DOWN);
        Delivery failed = People.awaitDeliveries(texter, d -> !d.isEmpty() && Delivery.FAILED.equals(d.get(0).status)).get(0);
        assertThat(failed.attempts).isEqualTo(3);
        assertThat(failed.lastError).isIn("http-503", "timeout");
        NotificationFailed event = EventJson.read(awaitAnnounced(Topic.NOTIFICATION_FAILED, textEvent, "sms").get(0).value(),
                NotificationFailed.class);
        assertThat(event.attempts()).isEqualTo(3);
        assertThat(event.failureCode()).isEqualTo(failed.lastError);
        assertThat(event.recipientKind()).isEqualTo("person");
        assertThat(EventJson.write(event)).doesNotContain(texter.mobile(), texter.personRef());
        assertThat(NotifyStub.to(texter.mobile())).isEmpty();
    }

    @Test
    void aFailedTryIsTriedAgainAndSentOnce() {
        Person person = People.newPerson();
        People.knownAs(People.contact(person, "sms", "en"));
        NotifyStub.failNext(person.mobile(), 1);
        String eventId = TopicProbe.publish(People.assigned(person, "lw.demo", "Sam Jones"));

        Delivery sent = People.awaitDeliveries(person, d -> !d.isEmpty() && Delivery.SENT.equals(d.get(0).status)).get(0);
        assertThat(sent.attempts).isEqualTo(2);
        assertThat(NotifyStub.to(person.mobile())).hasSize(1);
        assertThat(awaitAnnounced(Topic.NOTIFICATION_DELIVERED, eventId, "sms")).hasSize(1);
    }

    @Test
    void someoneWhoseDetailsNeverArriveIsRecordedAsFailedAfterTheLastTry() {
        Person stranger = People.newPerson();
        TopicProbe.publish(People.assigned(stranger, "lw.demo", "Sam Jones"));
        Delivery failed = People.awaitDeliveries(stranger, d -> !d.isEmpty() && Delivery.FAILED.equals(d.get(0).status)).get(0);
        assertThat(failed.attempts).isEqualTo(3);
        assertThat(failed.lastError).isEqualTo("no-contact-details");
    }

    @Test
    void aPersonWhoWantsLettersIsLeftToTheLinkWorker() {
        Person person = People.newPerson();
        People.knownAs(People.contact(person, "letter", "en"));
        TopicProbe.publish(People.assigned(person, "lw.demo", "Sam Jones"));
        assertThat(People.awaitDeliveries(person, d -> !d.isEmpty() && !Delivery.PENDING.equals(d.get(0).status))).singleElement()
                .satisfies(d -> assertThat(d.status + "/" + d.lastError).isEqualTo("suppressed/no-digital-channel"));
    }

    static List<MimeMessage> awaitMail(String address, int count) {
        return Awaitility.await().atMost(Inboxes.PATIENCE).until(() -> TestMail.to(address), m -> m.size() >= count);
    }

    static List<ConsumerRecord<String, String>> awaitAnnounced(Topic topic, String sourceEventId, String channel) {
        List<ConsumerRecord<String, String>> records = TopicProbe.awaitRecords(List.of(topic.topicName()),
                seen -> !matching(seen, sourceEventId, channel).isEmpty(), Inboxes.PATIENCE);
        return matching(records, sourceEventId, channel);
    }

    private static List<ConsumerRecord<String, String>> matching(List<ConsumerRecord<String, String>> records, String sourceEventId,
            String channel) {
        return records.stream().filter(r -> r.value() != null && r.value().contains("\"sourceEventId\":\"" + sourceEventId + "\"")
                && r.value().contains("\"channel\":\"" + channel + "\"")).toList();
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(MimeMessage message) {
        try {
            return parts(message).get("text/plain");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The message's parts by media type, found however deep the multiparts nest. */
    static Map<String, String> parts(MimeMessage message) throws Exception {
        Map<String, String> parts = new HashMap<>();
        collect(message.getContent(), message.getContentType(), parts);
        return parts;
    }

    private static void collect(Object content, String type, Map<String, String> parts) throws Exception {
        if (content instanceof MimeMultipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                collect(part.getContent(), part.getContentType(), parts);
            }
        } else {
            parts.put(type.split(";")[0].trim().toLowerCase(java.util.Locale.ROOT), content.toString());
        }
    }
}
