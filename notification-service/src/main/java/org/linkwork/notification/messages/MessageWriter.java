package org.linkwork.notification.messages;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.linkwork.notification.people.QuietHours;
import org.linkwork.notification.rules.Rule;

/**
 * Words for people, from the Qute templates {@code templates/messages/<rule>.<language>.txt} (fragments
 * {@code subject}, {@code text} and {@code sms}) and the HTML layout {@code templates/messages/email.html}.
 * English and Welsh to start; any other language gets English.
 */
@ApplicationScoped
public class MessageWriter {

    public static final List<String> LANGUAGES = List.of("en", "cy");

    private static final Map<String, DateTimeFormatter> SESSION_TIME = Map.of(
            "en", DateTimeFormatter.ofPattern("EEEE d MMMM 'at' h:mma", Locale.UK),
            "cy", DateTimeFormatter.ofPattern("EEEE d MMMM 'am' HH:mm", Locale.forLanguageTag("cy")));
    private static final Map<String, String> SOMEONE = Map.of("en", "your link worker", "cy", "eich gweithiwr cyswllt");

    final Engine engine;
    final String teamPhone;
    final String teamEmail;

    MessageWriter(Engine engine,
            @ConfigProperty(name = "linkwork.notification.team-phone") String teamPhone,
            @ConfigProperty(name = "linkwork.notification.team-email") String teamEmail) {
        this.engine = engine;
        this.teamPhone = teamPhone;
        this.teamEmail = teamEmail;
    }

    /**
     * @param displayName how the person likes to be greeted, may be null
     * @param linkWorkerName the link worker's name, may be null when not yet known
     * @param channel {@code email} or {@code sms}: the e-mail says "reply to this e-mail"
     * @param details the message's planned details ({@code sessionAt}, {@code activity}: the activity's name when known)
     */
    public PersonMessageText write(Rule rule, String language, String displayName, String linkWorkerName, UUID referralId,
            String channel, Map<String, String> details) {
        String lang = languageOf(language);
        Template template = engine.getTemplate("messages/" + rule.code() + "." + lang + ".txt");
        if (template == null) {
            throw new IllegalStateException("no template for " + rule.code() + " in " + lang);
        }
        Map<String, Object> data = new HashMap<>();
        data.put("name", blankToNull(displayName));
        data.put("knownLinkWorker", linkWorkerName != null && !linkWorkerName.isBlank());
        data.put("linkWorker", linkWorkerName != null && !linkWorkerName.isBlank() ? linkWorkerName : SOMEONE.get(lang));
        data.put("teamPhone", teamPhone);
        data.put("teamEmail", teamEmail);
        data.put("byEmail", "email".equals(channel));
        data.put("reference", referralId == null ? "" : referralId.toString().substring(0, 8));
        String sessionAt = details.get("sessionAt");
        data.put("session", sessionAt == null ? null : sessionTime(Instant.parse(sessionAt), lang));
        // the activity's name as the directory published it; messages planned from older events say "your activity"
        data.put("activity", blankToNull(details.get("activity")));
        String subject = fragment(template, "subject", data);
        String text = fragment(template, "text", data);
        String sms = fragment(template, "sms", data);
        String html = engine.getTemplate("messages/email.html").data("lang", lang).data("subject", subject)
                .data("paragraphs", new PersonMessageText(lang, subject, text, "", sms).paragraphs()).render();
        return new PersonMessageText(lang, subject, text, html, sms);
    }

    static String languageOf(String language) {
        if (language == null) {
            return "en";
        }
        String primary = language.trim().toLowerCase(Locale.ROOT).split("[-_]")[0];
        return LANGUAGES.contains(primary) ? primary : "en";
    }

    static String sessionTime(Instant at, String lang) {
        String formatted = SESSION_TIME.get(lang).format(at.atZone(QuietHours.UK));
        return "en".equals(lang) ? formatted.replace("AM", "am").replace("PM", "pm") : formatted;
    }

    private static String fragment(Template template, String id, Map<String, Object> data) {
        TemplateInstance instance = template.getFragment(id).instance();
        data.forEach(instance::data);
        // template lines are wrapped for reading: lines join into paragraphs, which blank lines separate
        return java.util.Arrays.stream(instance.render().strip().split("\\n\\s*\\n"))
                .map(p -> p.strip().replaceAll("\\s+", " "))
                .filter(p -> !p.isEmpty())
                .collect(java.util.stream.Collectors.joining("\n\n"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
