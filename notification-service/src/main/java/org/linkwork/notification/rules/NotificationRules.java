package org.linkwork.notification.rules;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.linkwork.events.ActivityCompleted;
import org.linkwork.events.ActivityReferralUpdated;
import org.linkwork.events.DirectoryReviewDue;
import org.linkwork.events.EventJson.MalformedEventException;
import org.linkwork.events.MatchProposed;
import org.linkwork.events.ReferralAssigned;
import org.linkwork.events.ReferralOverdue;
import org.linkwork.events.ReferralStatusChanged;

/**
 * Who is told what, for each event: the one place to read (and change) the notification rules. The
 * list of rules, with their audience and default channels, is {@link Rule}.
 *
 * <p>Notices for staff are plain language for busy people and carry no personal data: the events
 * have none, and a referral is named only by its short reference (the first 8 characters of its id),
 * which the care team can look up in the referral service. Messages for the person are only planned
 * here; their words come from the templates when they are sent.
 */
public final class NotificationRules {

    static final String LINK_WORKER_ROLE = "link-worker";
    static final ZoneId UK = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

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

    /** Activity referral statuses in which the person has a place, so a session may be booked. */
    private static final Set<String> BOOKED = Set.of("accepted", "in-progress");

    private final RuleSettings settings;
    private final Clock clock;

    public NotificationRules(RuleSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Matching proposed activities: the link worker is asked to review them, and the referring
     * organisation learns that its referral is moving. With nothing proposed the link worker is told
     * so, and the referrer is not told anything that did not happen.
     */
    public List<Notice> forMatch(MatchProposed match) {
        UUID referral = referralId(match.referralId());
        String ref = shortReference(referral);
        int count = match.proposals() == null ? 0 : match.proposals().size();
        List<Notice> notices = new ArrayList<>(2);
        if (present(match.linkWorker())) {
            notices.add(count == 0
                    ? new Notice(Rule.MATCHES_READY, Recipient.user(match.linkWorker()), referral,
                            "No activity matches found",
                            "No activities matched referral " + ref + ". You may want to review the assessment or search the directory.")
                    : new Notice(Rule.MATCHES_READY, Recipient.user(match.linkWorker()), referral,
                            "Activity matches are ready",
                            activities(count) + " proposed for referral " + ref + ". Review them and choose with the person."));
        }
        if (count > 0 && present(match.referrerOrganization())) {
            notices.add(new Notice(Rule.MATCHES_PROPOSED, Recipient.organisation(match.referrerOrganization()), referral,
                    "Activities have been proposed for your referral",
                    activities(count) + " proposed for referral " + ref + ". The link worker will choose with the person."));
        }
        return notices;
    }

    /**
     * A referral changed status: the referring organisation hears of the steps it cares about
     * ({@link RuleSettings#referrerStatuses()}), with the reason for an exit; the named link worker
     * hears of it unless a link worker made the change (they know already).
     */
    public List<Notice> forStatusChange(ReferralStatusChanged change) {
        UUID referral = referralId(change.referralId());
        if (!present(change.toStatus())) {
            throw new MalformedEventException("referral-status-changed without toStatus");
        }
        String ref = shortReference(referral);
        String now = statusWords(change.toStatus());
        List<Notice> notices = new ArrayList<>(2);
        if (present(change.referrerOrganization()) && settings.referrerStatuses().contains(change.toStatus())) {
            String body = present(change.fromStatus())
                    ? "Referral " + ref + " has moved from " + statusWords(change.fromStatus()) + " to " + now + "."
                    : "Referral " + ref + " is now " + now + ".";
            if (present(change.reasonCode())) {
                body += " Reason: " + codeWords(change.reasonCode()) + ".";
            }
            notices.add(new Notice(Rule.REFERRAL_UPDATED, Recipient.organisation(change.referrerOrganization()), referral,
                    "Your referral is now " + now, body));
        }
        if (present(change.linkWorker()) && !LINK_WORKER_ROLE.equals(change.changedByRole())) {
            notices.add(new Notice(Rule.CASELOAD_REFERRAL_UPDATED, Recipient.user(change.linkWorker()), referral,
                    "A referral on your caseload is now " + now,
                    "Referral " + ref + " was updated by " + roleWords(change.changedByRole()) + "."));
        }
        return notices;
    }

    /** A referral was given to a link worker: they hear of it, and the person learns who they are. */
    public Notifications forAssignment(ReferralAssigned assigned, String eventId) {
        UUID referral = referralId(assigned.referralId());
        if (!present(assigned.linkWorker())) {
            throw new MalformedEventException("referral-assigned without linkWorker");
        }
        String ref = shortReference(referral);
        List<Notice> notices = List.of(new Notice(Rule.REFERRAL_ASSIGNED, Recipient.user(assigned.linkWorker()), referral,
                "New referral on your caseload",
                "Referral " + ref + " has been given to you. Please contact the person soon."));
        List<PersonMessage> messages = present(assigned.personRef())
                ? List.of(new PersonMessage(Rule.LINK_WORKER_INTRODUCED, assigned.personRef(), referral, eventId, null,
                        clock.instant(), Map.of()))
                : List.of();
        return new Notifications(notices, messages);
    }

    /** First contact is overdue: the link worker is reminded. */
    public List<Notice> forOverdue(ReferralOverdue overdue) {
        UUID referral = referralId(overdue.referralId());
        if (!present(overdue.linkWorker())) {
            return List.of(); // unassigned referrals are the team lead's caseload view, not a notification
        }
        String due = overdue.firstContactDue() == null ? "" : " It was due on " + DAY.format(overdue.firstContactDue().atZone(UK)) + ".";
        return List.of(new Notice(Rule.REFERRAL_OVERDUE, Recipient.user(overdue.linkWorker()), referral,
                "First contact is overdue",
                "Referral " + shortReference(referral) + " still needs first contact." + due + " Please contact the person or update the referral."));
    }

    /**
     * An activity referral moved: the provider hears of a new one or a cancellation, the link worker
     * of the provider's answer, and the person of their booking and, the day before, their session.
     */
    public Notifications forActivityReferral(ActivityReferralUpdated update, String eventId) {
        UUID referral = referralId(update.referralId());
        if (!present(update.status()) || !present(update.activityReferralId())) {
            throw new MalformedEventException("activity-referral-updated without status or activityReferralId");
        }
        String ref = shortReference(referral);
        // the activity's name as the directory published it; older events did not carry it
        String name = nameOf(update.serviceName());
        List<Notice> notices = new ArrayList<>(1);
        List<PersonMessage> messages = new ArrayList<>(2);
        switch (update.status()) {
            case "requested" -> {
                if (present(update.providerOrganizationId())) {
                    notices.add(new Notice(Rule.ACTIVITY_REFERRAL_REQUESTED, Recipient.organisation(update.providerOrganizationId()),
                            referral, "New activity referral",
                            "A link worker would like a place on " + (name != null ? name : "your activity")
                                    + " for someone (referral " + ref + "). Please accept or decline it."));
                }
            }
            case "cancelled" -> {
                if (present(update.providerOrganizationId())) {
                    notices.add(new Notice(Rule.ACTIVITY_REFERRAL_CANCELLED, Recipient.organisation(update.providerOrganizationId()),
                            referral, "Activity referral cancelled",
                            "The link worker has cancelled activity referral " + ref
                                    + (name != null ? " for " + name : "") + ". You do not need to keep a place."));
                }
            }
            case "accepted", "rejected" -> {
                boolean accepted = "accepted".equals(update.status());
                if (present(update.linkWorker())) {
                    String body = accepted
                            ? "The provider has a place " + (name != null ? "at " + name + " " : "")
                                    + "for the person on referral " + ref + "."
                            : "The provider cannot take the person on referral " + ref
                                    + (name != null ? " at " + name : "") + "."
                                    + (present(update.statusReasonCode()) ? " Reason: " + codeWords(update.statusReasonCode()) + "." : "")
                                    + " You may want to choose another activity.";
                    notices.add(new Notice(Rule.PROVIDER_ANSWERED, Recipient.user(update.linkWorker()), referral,
                            accepted ? "The provider accepted the activity referral" : "The provider turned down the activity referral",
                            body));
                }
                if (accepted && present(update.personRef())) {
                    messages.add(new PersonMessage(Rule.BOOKING_CONFIRMED, update.personRef(), referral, eventId,
                            update.activityReferralId(), clock.instant(), details(update.nextSessionAt(), name)));
                }
            }
            default -> {
                // in-progress, on-hold, completed, failed: the referral's own status changes tell the referrer
            }
        }
        reminder(update).ifPresent(messages::add);
        return new Notifications(notices, messages);
    }

    /**
     * The reminder before the next session, when one is booked and still ahead. Its key is the
     * session, so repeated updates of the same booking plan one reminder.
     */
    Optional<PersonMessage> reminder(ActivityReferralUpdated update) {
        Instant session = update.nextSessionAt();
        Instant now = clock.instant();
        if (session == null || !present(update.personRef()) || !BOOKED.contains(update.status()) || !session.isAfter(now)) {
            return Optional.empty();
        }
        Instant due = session.minus(settings.reminderBefore());
        return Optional.of(new PersonMessage(Rule.SESSION_REMINDER, update.personRef(), referralId(update.referralId()),
                reminderKey(update.activityReferralId(), session), update.activityReferralId(),
                due.isBefore(now) ? now : due, details(session, nameOf(update.serviceName()))));
    }

    /** The dedup key of the reminder for one session of one activity referral. */
    public static String reminderKey(String activityReferralId, Instant session) {
        return "session-reminder:" + activityReferralId + ":" + session;
    }

    /**
     * The person finished their activity: the referrer gets the message back, and the person is
     * asked for their follow-up answers later. The event names the referring organisation itself;
     * events written before it did fall back on what this service last heard.
     *
     * @param lastHeardReferrer the referral's referring organisation, as earlier events told this service
     */
    public Notifications forCompletion(ActivityCompleted completed, String eventId, Optional<String> lastHeardReferrer) {
        UUID referral = referralId(completed.referralId());
        String name = nameOf(completed.serviceName());
        String activity = name != null ? "community activity \"" + name + "\"" : "community activity";
        List<Notice> notices = referrerOf(completed, lastHeardReferrer)
                .map(org -> List.of(new Notice(Rule.ACTIVITY_COMPLETED, Recipient.organisation(org), referral,
                        "The person you referred has finished their activity",
                        "The person on referral " + shortReference(referral) + " has finished their " + activity + " ("
                                + sessions(completed.sessionsAttended()) + " attended). The link worker will follow up on how it went.")))
                .orElse(List.of());
        List<PersonMessage> messages = List.of();
        if (present(completed.personRef())) {
            Instant finished = completed.completedAt() == null ? clock.instant() : completed.completedAt();
            messages = List.of(new PersonMessage(Rule.FOLLOW_UP_DUE, completed.personRef(), referral, eventId,
                    completed.activityReferralId(), finished.plus(settings.followUpAfter()), details(null, name)));
        }
        return new Notifications(notices, messages);
    }

    /** A directory entry has not been confirmed for a while: its provider is asked to check it. */
    public List<Notice> forReviewDue(DirectoryReviewDue due) {
        if (!present(due.organizationId()) || !present(due.serviceId())) {
            throw new MalformedEventException("directory-review-due without organizationId or serviceId");
        }
        String name = present(due.serviceName()) ? "\"" + due.serviceName() + "\"" : "one of your activities";
        String since = due.assuredDate() == null ? "has never been checked" : "was last checked on " + DAY.format(due.assuredDate());
        return List.of(new Notice(Rule.DIRECTORY_REVIEW_DUE, Recipient.organisation(due.organizationId()), null,
                "Please check your directory entry",
                "The directory entry for " + name + " " + since + ". Please make sure the details are right and confirm it."));
    }

    /** Plain words for a status; a status added later reads as its code until it is given words here. */
    static String statusWords(String status) {
        return STATUS_WORDS.getOrDefault(status, codeWords(status));
    }

    static String roleWords(String role) {
        return role == null ? ROLE_WORDS.get("system") : ROLE_WORDS.getOrDefault(role, ROLE_WORDS.get("system"));
    }

    static String shortReference(UUID referralId) {
        return referralId.toString().substring(0, 8);
    }

    private static String codeWords(String code) {
        return code.replace('-', ' ');
    }

    /** Who gets the message back: the organisation the event names, else the one earlier events named. */
    private static Optional<String> referrerOf(ActivityCompleted completed, Optional<String> lastHeardReferrer) {
        return present(completed.referrerOrganization()) ? Optional.of(completed.referrerOrganization().strip())
                : lastHeardReferrer.filter(NotificationRules::present);
    }

    /** The activity's name as an event carries it, trimmed; null when the event has none. */
    private static String nameOf(String serviceName) {
        return present(serviceName) ? serviceName.strip() : null;
    }

    /** A person message's template details: the session time and the activity's name, each when known. */
    private static Map<String, String> details(Instant session, String name) {
        Map<String, String> details = new HashMap<>(2);
        if (session != null) {
            details.put("sessionAt", session.toString());
        }
        if (name != null) {
            details.put("activity", name);
        }
        return Map.copyOf(details);
    }

    private static String activities(int count) {
        return count == 1 ? "1 community activity has been" : count + " community activities have been";
    }

    private static String sessions(int count) {
        return count == 1 ? "1 session" : count + " sessions";
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
