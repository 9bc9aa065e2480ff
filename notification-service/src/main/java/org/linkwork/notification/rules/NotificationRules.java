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
 *
 * <p>Nobody is told about what they did themself (the events name who acted: {@code changedBy},
 * {@code assignedBy}, {@code requestedBy}), and each notice says whose action it reports, in words
 * for its reader and never by name: "The link worker", "A colleague in your team", "The referrer",
 * "An administrator", "The provider", or "Linkwork" when the platform did it. Organisation notices
 * go to a role within the organisation ({@link Recipient#referrersOf}, {@link Recipient#providersOf}).
 */
public final class NotificationRules {

    static final String LINK_WORKER_ROLE = "link-worker";
    static final String REFERRER_ROLE = "referrer";
    static final String SYSTEM_ROLE = "system";
    static final ZoneId UK = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    /** Each referral status as it reads after "It is now ...". */
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

    /** What whoever moved a referral to each status did, as it reads after "The link worker ..."; %s is "referral abcd1234". */
    private static final Map<String, String> STATUS_DONE = Map.ofEntries(
            Map.entry("received", "received %s"),
            Map.entry("accepted", "accepted %s"),
            Map.entry("contacted", "made first contact with the person on %s"),
            Map.entry("assessed", "talked with the person on %s about what matters to them"),
            Map.entry("matched", "matched activities to %s"),
            Map.entry("in-activity", "recorded that the person on %s started an activity"),
            Map.entry("completed", "recorded that the person on %s finished their activity"),
            Map.entry("closed", "closed %s"),
            Map.entry("declined", "closed %s: the person declined"),
            Map.entry("rejected", "closed %s: not suitable for social prescribing"),
            Map.entry("unable-to-contact", "closed %s: the person could not be contacted"),
            Map.entry("withdrawn", "withdrew %s"));

    /** Why a referral moved to another team ({@code Vocabulary.TEAM_MOVE_REASONS}), as it reads after "Reason: ". */
    private static final Map<String, String> MOVE_REASONS = Map.of(
            "wrong-practice", "it was sent to the wrong team for its practice",
            "wrong-area", "it was sent to the wrong team for where the person lives",
            "person-moved", "the person has moved",
            "specialist-team", "the person needs a specialist team",
            "team-capacity", "to share the work between teams",
            "other", "other (see the referral's timeline)");

    /**
     * The reasons referral-service gives when a referral follows its activity referral (started,
     * completed, ended early): the platform's move, whoever's action set it off, and echoed to the
     * link worker by the activity referral's own rules.
     */
    private static final Set<String> FOLLOWS_ACTIVITY = Set.of("activity-started", "activity-completed", "activity-ended");

    /** Activity referral statuses in which the person has a place, so a session may be booked. */
    private static final Set<String> BOOKED = Set.of("accepted", "in-progress");

    /**
     * Who did something, as an event tells it.
     *
     * @param username who it was; null when the platform did it, or the event was written before it named who acted
     * @param role their role ({@code referrer}, {@code link-worker}, {@code admin}, {@code system}, ...)
     */
    record Actor(String username, String role) {

        static Actor of(String username, String role) {
            return new Actor(present(username) ? username.strip() : null, present(role) ? role.strip() : null);
        }

        /** Linkwork itself: a system role, or an event naming neither a person nor a role. */
        boolean platform() {
            return SYSTEM_ROLE.equals(role) || (username == null && role == null);
        }

        /** A person the event does not name: it was written before events named who acted. */
        boolean unnamedPerson() {
            return username == null && !platform();
        }

        boolean is(String user) {
            return username != null && username.equals(user);
        }

        boolean hasRole(String r) {
            return r.equals(role);
        }
    }

    private final RuleSettings settings;
    private final Clock clock;

    public NotificationRules(RuleSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Matching proposed activities: the link worker is asked to review them, unless they saved this
     * re-run themself, and the practice's referrers learn that their referral is moving. With nothing
     * proposed the link worker is told so, and the referrers are not told anything that did not happen.
     */
    public List<Notice> forMatch(MatchProposed match) {
        UUID referral = referralId(match.referralId());
        String ref = "referral " + shortReference(referral);
        int count = match.proposals() == null ? 0 : match.proposals().size();
        String requestedBy = present(match.requestedBy()) ? match.requestedBy().strip() : null;
        List<Notice> notices = new ArrayList<>(2);
        if (present(match.linkWorker()) && !match.linkWorker().equals(requestedBy)) {
            // a re-run is saved by a link worker of the referral's team
            String who = requestedBy == null ? "Linkwork" : "A colleague in your team";
            if (count == 0) {
                String title = who + " found no activity matches for " + ref;
                notices.add(new Notice(Rule.MATCHES_READY, Recipient.user(match.linkWorker()), referral, title,
                        title + ". You may want to review the assessment or search the directory."));
            } else {
                String title = who + " proposed " + activities(count) + " for " + ref;
                notices.add(new Notice(Rule.MATCHES_READY, Recipient.user(match.linkWorker()), referral, title,
                        title + ". Review them and choose with the person."));
            }
        }
        if (count > 0 && present(match.referrerOrganization())) {
            String title = (requestedBy == null ? "Linkwork" : "The link worker") + " proposed " + activities(count) + " for " + ref;
            notices.add(new Notice(Rule.MATCHES_PROPOSED, Recipient.referrersOf(match.referrerOrganization()), referral, title,
                    title + ". The link worker will choose with the person."));
        }
        return notices;
    }

    /**
     * A referral changed status. The practice's referrers hear of the steps they care about
     * ({@link RuleSettings#referrerStatuses()}), with the reason for an exit, unless a referrer made
     * the change. The named link worker hears of it only when another person made it (a colleague,
     * the referrer, an administrator): not of their own changes, and not of the platform's (matched,
     * in activity, completed follow what other rules already told them; so is a referral following
     * its activity referral, whoever set it off). An event written before
     * events named who acted (no {@code changedBy}, a person's role) is told as before: the referrers
     * always, the link worker unless a link worker made it.
     */
    public List<Notice> forStatusChange(ReferralStatusChanged change) {
        UUID referral = referralId(change.referralId());
        if (!present(change.toStatus())) {
            throw new MalformedEventException("referral-status-changed without toStatus");
        }
        boolean followsActivity = present(change.reasonCode()) && FOLLOWS_ACTIVITY.contains(change.reasonCode());
        Actor actor = followsActivity ? Actor.of(null, SYSTEM_ROLE)
                : Actor.of(change.changedBy(), change.changedByRole());
        String done = statusDone(change.toStatus(), "referral " + shortReference(referral));
        String rest = (present(change.fromStatus())
                ? " It has moved from " + statusWords(change.fromStatus()) + " to " + statusWords(change.toStatus()) + "."
                : " It is now " + statusWords(change.toStatus()) + ".")
                + (present(change.reasonCode()) && !followsActivity
                        ? " Reason: " + codeWords(change.reasonCode()) + "." : "");
        List<Notice> notices = new ArrayList<>(2);
        boolean byANamedReferrer = actor.hasRole(REFERRER_ROLE) && actor.username() != null;
        if (present(change.referrerOrganization()) && settings.referrerStatuses().contains(change.toStatus()) && !byANamedReferrer) {
            String title = toReferrers(actor) + " " + done;
            notices.add(new Notice(Rule.REFERRAL_UPDATED, Recipient.referrersOf(change.referrerOrganization()), referral, title,
                    title + "." + rest));
        }
        if (present(change.linkWorker()) && tellsLinkWorker(actor, change.linkWorker())) {
            String title = toLinkWorker(actor) + " " + done;
            notices.add(new Notice(Rule.CASELOAD_REFERRAL_UPDATED, Recipient.user(change.linkWorker()), referral, title,
                    title + ", which is on your caseload." + rest));
        }
        return notices;
    }

    /**
     * A referral was given to a link worker: automatically on arrival, by hand within its team, or
     * with a move to another team. The new link worker hears who gave it to them (or who moved it to
     * their team, and why), unless they took it themself; the previous one hears that it left their
     * caseload, unless they did it; and the person learns who their new link worker is.
     */
    public Notifications forAssignment(ReferralAssigned assigned, String eventId) {
        UUID referral = referralId(assigned.referralId());
        if (!present(assigned.linkWorker())) {
            throw new MalformedEventException("referral-assigned without linkWorker");
        }
        String ref = "referral " + shortReference(referral);
        Actor actor = Actor.of(assigned.assignedBy(), assigned.assignedByRole());
        String worker = assigned.linkWorker();
        String previous = present(assigned.previousLinkWorker()) ? assigned.previousLinkWorker() : null;
        boolean moved = assigned.movedTeam();
        boolean sameWorker = worker.equals(previous);
        String why = moved && present(assigned.moveReasonCode()) ? " Reason: " + moveReasonWords(assigned.moveReasonCode()) + "." : "";
        List<Notice> notices = new ArrayList<>(2);
        if (!actor.is(worker)) {
            if (moved) {
                String title = (actor.hasRole(LINK_WORKER_ROLE) ? "A link worker in another team" : toLinkWorker(actor))
                        + " moved " + ref + " to your team";
                notices.add(new Notice(Rule.REFERRAL_MOVED_TO_TEAM, Recipient.user(worker), referral, title,
                        title + ", and it is now on your caseload." + why + " Please contact the person soon."));
            } else if (!sameWorker) {
                String title = toLinkWorker(actor) + " gave you " + ref;
                notices.add(new Notice(Rule.REFERRAL_ASSIGNED, Recipient.user(worker), referral, title,
                        title + (previous == null ? "" : ", which another link worker in your team had before")
                                + ". Please contact the person soon."));
            }
        }
        // an event written before it named who acted may have been the previous link worker's own doing
        if (previous != null && !sameWorker && !actor.is(previous) && !actor.unnamedPerson()) {
            String title;
            if (actor.is(worker)) {
                title = moved ? "A colleague in your team moved " + ref + " to another team and took it over"
                        : "A colleague in your team took over " + ref;
            } else {
                title = toLinkWorker(actor) + (moved ? " moved " + ref + " to another team"
                        : " gave " + ref + " to another link worker in your team");
            }
            notices.add(new Notice(Rule.REFERRAL_LEFT_CASELOAD, Recipient.user(previous), referral, title,
                    title + ". It is no longer on your caseload." + why));
        }
        List<PersonMessage> messages = present(assigned.personRef()) && !sameWorker
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
     * An activity referral moved. Its requester (the link worker) sets requested and cancelled, the
     * provider the rest, so each hears what the other did: the provider of a new one or a
     * cancellation, the link worker of the provider's answer and of how it ended (completed or
     * failed); the person of their booking and, the day before, their session.
     */
    public Notifications forActivityReferral(ActivityReferralUpdated update, String eventId) {
        UUID referral = referralId(update.referralId());
        if (!present(update.status()) || !present(update.activityReferralId())) {
            throw new MalformedEventException("activity-referral-updated without status or activityReferralId");
        }
        String ref = shortReference(referral);
        // the activity's name as the directory published it; older events did not carry it
        String name = nameOf(update.serviceName());
        String reason = present(update.statusReasonCode()) ? " Reason: " + codeWords(update.statusReasonCode()) + "." : "";
        List<Notice> notices = new ArrayList<>(1);
        List<PersonMessage> messages = new ArrayList<>(2);
        switch (update.status()) {
            case "requested" -> {
                if (present(update.providerOrganizationId())) {
                    String activity = name != null ? name : "your activity";
                    notices.add(new Notice(Rule.ACTIVITY_REFERRAL_REQUESTED, Recipient.providersOf(update.providerOrganizationId()),
                            referral, "A link worker asked for a place on " + activity,
                            "A link worker would like a place on " + activity + " for someone (referral " + ref
                                    + "). Please accept or decline it."));
                }
            }
            case "cancelled" -> {
                if (present(update.providerOrganizationId())) {
                    String forName = name != null ? " for " + name : "";
                    notices.add(closedWithItsReferral(update.statusReasonCode())
                            ? new Notice(Rule.ACTIVITY_REFERRAL_CANCELLED, Recipient.providersOf(update.providerOrganizationId()),
                                    referral, "Linkwork cancelled an activity referral",
                                    "Referral " + ref + " was closed, so Linkwork cancelled its activity referral" + forName
                                            + "." + reason + " You do not need to keep a place.")
                            : new Notice(Rule.ACTIVITY_REFERRAL_CANCELLED, Recipient.providersOf(update.providerOrganizationId()),
                                    referral, "The link worker cancelled an activity referral",
                                    "The link worker has cancelled activity referral " + ref + forName
                                            + ". You do not need to keep a place."));
                }
            }
            case "accepted", "rejected" -> {
                boolean accepted = "accepted".equals(update.status());
                if (present(update.linkWorker())) {
                    String body = accepted
                            ? "The provider has a place " + (name != null ? "at " + name + " " : "")
                                    + "for the person on referral " + ref + "."
                            : "The provider cannot take the person on referral " + ref
                                    + (name != null ? " at " + name : "") + "." + reason
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
            case "completed", "failed" -> {
                if (present(update.linkWorker())) {
                    String activity = name != null ? name : "their activity";
                    String attended = " (" + sessions(update.sessionsAttended()) + " attended).";
                    notices.add("completed".equals(update.status())
                            ? new Notice(Rule.ACTIVITY_REFERRAL_ENDED, Recipient.user(update.linkWorker()), referral,
                                    "The provider recorded the activity as completed",
                                    "The provider recorded that the person on referral " + ref + " finished " + activity + attended
                                            + " You may want to follow up on how it went.")
                            : new Notice(Rule.ACTIVITY_REFERRAL_ENDED, Recipient.user(update.linkWorker()), referral,
                                    "The provider recorded the activity as not completed",
                                    "The provider recorded that the person on referral " + ref + " did not complete " + activity
                                            + attended + reason + " You may want to follow up and choose another activity with them."));
                }
            }
            default -> {
                // in-progress, on-hold: the provider's progress; the referral's own status changes tell the referrers
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
                .map(org -> List.of(new Notice(Rule.ACTIVITY_COMPLETED, Recipient.referrersOf(org), referral,
                        "The person you referred has finished their activity",
                        "The activity provider recorded that the person on referral " + shortReference(referral)
                                + " has finished their " + activity + " ("
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
        return List.of(new Notice(Rule.DIRECTORY_REVIEW_DUE, Recipient.providersOf(due.organizationId()), null,
                "Please check your directory entry",
                "The directory entry for " + name + " " + since + ". Please make sure the details are right and confirm it."));
    }

    /** Plain words for a status; a status added later reads as its code until it is given words here. */
    static String statusWords(String status) {
        return STATUS_WORDS.getOrDefault(status, codeWords(status));
    }

    /** What whoever moved a referral to a status did; a status added later reads "moved ... to on hold". */
    static String statusDone(String status, String referral) {
        String done = STATUS_DONE.get(status);
        return done != null ? done.formatted(referral) : "moved " + referral + " to " + codeWords(status);
    }

    static String moveReasonWords(String code) {
        return MOVE_REASONS.getOrDefault(code, codeWords(code));
    }

    /** Who acted, as a practice's referrers read it. */
    static String toReferrers(Actor actor) {
        if (actor.platform()) {
            return "Linkwork";
        }
        return switch (actor.role() == null ? "" : actor.role()) {
            case LINK_WORKER_ROLE -> "The link worker";
            case REFERRER_ROLE -> "A referrer at your practice"; // only events written before the actor was named
            case "provider" -> "The activity provider";
            case "admin" -> "An administrator";
            default -> "Someone";
        };
    }

    /**
     * Who acted, as the referral's link worker reads it. Another link worker who could change their
     * referral is a member of its team: a colleague.
     */
    static String toLinkWorker(Actor actor) {
        if (actor.platform()) {
            return "Linkwork";
        }
        return switch (actor.role() == null ? "" : actor.role()) {
            case LINK_WORKER_ROLE -> actor.username() == null ? "A link worker" : "A colleague in your team";
            case REFERRER_ROLE -> "The referrer";
            case "provider" -> "The activity provider";
            case "admin" -> "An administrator";
            default -> "Someone";
        };
    }

    /** The link worker hears of a status change another person made; see {@link #forStatusChange}. */
    private static boolean tellsLinkWorker(Actor actor, String linkWorker) {
        if (actor.platform() || actor.is(linkWorker)) {
            return false;
        }
        // an event written before it named who acted: as before, not when a link worker (perhaps they) made it
        return !(actor.unnamedPerson() && actor.hasRole(LINK_WORKER_ROLE));
    }

    /** An activity referral cancelled because its referral closed, rather than by the link worker. */
    private static boolean closedWithItsReferral(String reasonCode) {
        return present(reasonCode) && (reasonCode.startsWith("referral-") || reasonCode.equals("consent-withdrawn")
                || reasonCode.equals("erasure"));
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
        return count == 1 ? "1 community activity" : count + " community activities";
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
