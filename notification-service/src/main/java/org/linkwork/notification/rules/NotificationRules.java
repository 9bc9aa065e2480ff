package org.linkwork.notification.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.linkwork.events.EventJson.MalformedEventException;
import org.linkwork.events.MatchProposed;
import org.linkwork.events.ReferralStatusChanged;

/**
 * Who is told what, for each event: the one place to read (and change) the notification rules.
 *
 * <p>Messages are plain language for busy people, and carry no personal data: the events have none,
 * and a referral is named only by its short reference (the first 8 characters of its id), which the
 * care team can look up in the referral service.
 */
public final class NotificationRules {

    static final String LINK_WORKER_ROLE = "link-worker";

    /** Each referral status as it reads after "Your referral is now ...". */
    private static final Map<String, String> STATUS_WORDS = Map.ofEntries(
            Map.entry("received", "received"),
            Map.entry("accepted", "accepted by the social prescribing team"),
            Map.entry("contacted", "in progress: the person has been contacted"),
            Map.entry("assessed", "in progress: what matters to the person has been discussed"),
            Map.entry("matched", "in progress: activities have been suggested"),
            Map.entry("in-activity", "in progress: the person has started an activity"),
            Map.entry("completed", "complete: the activity has finished"),
            Map.entry("closed", "closed"),
            Map.entry("declined", "closed: the person declined"),
            Map.entry("rejected", "closed: not suitable for social prescribing"),
            Map.entry("unable-to-contact", "closed: the person could not be contacted"),
            Map.entry("withdrawn", "withdrawn"));

    /** Who made a change, as it reads after "updated by ...". */
    private static final Map<String, String> ROLE_WORDS = Map.of(
            "referrer", "the referrer",
            LINK_WORKER_ROLE, "a link worker",
            "provider", "the activity provider",
            "admin", "an administrator",
            "system", "Linkwork");

    private NotificationRules() {
    }

    /**
     * Matching proposed activities: the link worker is asked to review them, and the referring
     * organisation learns that its referral is moving. With nothing proposed the link worker is told
     * so, and the referrer is not told anything that did not happen.
     */
    public static List<Notice> forMatch(MatchProposed match) {
        UUID referral = referralId(match.referralId());
        String ref = shortReference(referral);
        int count = match.proposals() == null ? 0 : match.proposals().size();
        List<Notice> notices = new ArrayList<>(2);
        if (present(match.linkWorker())) {
            notices.add(count == 0
                    ? new Notice(Recipient.user(match.linkWorker()), RecipientKind.LINK_WORKER, referral,
                            "No activity matches found",
                            "No activities matched referral " + ref + ". You may want to review the assessment or search the directory.")
                    : new Notice(Recipient.user(match.linkWorker()), RecipientKind.LINK_WORKER, referral,
                            "Activity matches are ready",
                            activities(count) + " proposed for referral " + ref + ". Review them and choose with the person."));
        }
        if (count > 0 && present(match.referrerOrganization())) {
            notices.add(new Notice(Recipient.organisation(match.referrerOrganization()), RecipientKind.REFERRER, referral,
                    "Activities have been proposed for your referral",
                    activities(count) + " proposed for referral " + ref + ". The link worker will choose with the person."));
        }
        return notices;
    }

    /**
     * A referral changed status: the referring organisation always hears of it; the named link
     * worker hears of it unless a link worker made the change (they know already).
     */
    public static List<Notice> forStatusChange(ReferralStatusChanged change) {
        UUID referral = referralId(change.referralId());
        if (!present(change.toStatus())) {
            throw new MalformedEventException("referral-status-changed without toStatus");
        }
        String ref = shortReference(referral);
        String now = statusWords(change.toStatus());
        List<Notice> notices = new ArrayList<>(2);
        if (present(change.referrerOrganization())) {
            String body = present(change.fromStatus())
                    ? "Referral " + ref + " has moved from " + statusWords(change.fromStatus()) + " to " + now + "."
                    : "Referral " + ref + " is now " + now + ".";
            notices.add(new Notice(Recipient.organisation(change.referrerOrganization()), RecipientKind.REFERRER, referral,
                    "Your referral is now " + now, body));
        }
        if (present(change.linkWorker()) && !LINK_WORKER_ROLE.equals(change.changedByRole())) {
            notices.add(new Notice(Recipient.user(change.linkWorker()), RecipientKind.LINK_WORKER, referral,
                    "A referral on your caseload is now " + now,
                    "Referral " + ref + " was updated by " + roleWords(change.changedByRole()) + "."));
        }
        return notices;
    }

    /** Plain words for a status; a status added later reads as its code until it is given words here. */
    static String statusWords(String status) {
        return STATUS_WORDS.getOrDefault(status, status.replace('-', ' '));
    }

    static String roleWords(String role) {
        return role == null ? ROLE_WORDS.get("system") : ROLE_WORDS.getOrDefault(role, ROLE_WORDS.get("system"));
    }

    static String shortReference(UUID referralId) {
        return referralId.toString().substring(0, 8);
    }

    private static String activities(int count) {
        return count == 1 ? "1 community activity has been" : count + " community activities have been";
    }

    private static UUID referralId(String value) {
        try {
            return UUID.fromString(value);
        } catch (RuntimeException e) {
            // null or not a UUID: the event is unusable, so it goes to the dead-letter topic
            throw new MalformedEventException("referralId is missing or not a UUID");
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
