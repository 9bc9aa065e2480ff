package org.linkwork.notification.rules;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every kind of notification the service sends: who it is for, what causes it, and the channels it
 * takes unless configuration says otherwise ({@code linkwork.notification.rules.<code>.channels}).
 * {@link NotificationRules} decides, event by event, which of these apply and what they say.
 *
 * <p>The codes are also the event types a partner's webhook subscribes to, so they never change.
 */
public enum Rule {
    // the referrer (the practice's referrers' inbox, and its partner systems)
    REFERRAL_UPDATED("referral-updated", Audience.REFERRER, "referral-status-changed",
            "someone other than a referrer accepted the referral, made first contact, started the activity, or closed it (with the reason)"),
    MATCHES_PROPOSED("matches-proposed", Audience.REFERRER, "match-proposed", "activities were proposed for the referral"),
    ACTIVITY_COMPLETED("activity-completed", Audience.REFERRER, "activity-completed",
            "the message back: the person finished their activity, with the sessions attended"),

    // the link worker (by username); none of these tells a link worker what they did themself
    REFERRAL_ASSIGNED("referral-assigned", Audience.LINK_WORKER, "referral-assigned",
            "someone else (Linkwork, a colleague, an administrator) gave them a referral of their team"),
    REFERRAL_OVERDUE("referral-overdue", Audience.LINK_WORKER, "referral-overdue", "first contact is overdue"),
    MATCHES_READY("matches-ready", Audience.LINK_WORKER, "match-proposed",
            "activity matches are ready to review (or none were found), unless they saved the re-run themself"),
    PROVIDER_ANSWERED("provider-answered", Audience.LINK_WORKER, "activity-referral-updated",
            "the provider accepted or turned down the activity referral"),
    CASELOAD_REFERRAL_UPDATED("caseload-referral-updated", Audience.LINK_WORKER, "referral-status-changed",
            "another person (a colleague, the referrer, an administrator) changed the status of a referral on their caseload"),
    REFERRAL_MOVED_TO_TEAM("referral-moved-to-team", Audience.LINK_WORKER, "referral-assigned",
            "a referral was moved to their team from another one, and given to them, with the reason"),
    REFERRAL_LEFT_CASELOAD("referral-left-caseload", Audience.LINK_WORKER, "referral-assigned",
            "someone else gave a referral of theirs to a colleague or moved it to another team"),
    ACTIVITY_REFERRAL_ENDED("activity-referral-ended", Audience.LINK_WORKER, "activity-referral-updated",
            "the provider recorded the activity as completed or not completed, so they can follow up"),

    // the provider (the provider organisation's providers' inbox, and its partner systems)
    ACTIVITY_REFERRAL_REQUESTED("activity-referral-requested", Audience.PROVIDER, "activity-referral-updated",
            "a new activity referral asks for a place"),
    ACTIVITY_REFERRAL_CANCELLED("activity-referral-cancelled", Audience.PROVIDER, "activity-referral-updated",
            "the link worker cancelled an activity referral, or its referral closed"),
    DIRECTORY_REVIEW_DUE("directory-review-due", Audience.PROVIDER, "directory-review-due", "a directory entry needs checking"),

    // the person (by their preferred channel, in their language)
    LINK_WORKER_INTRODUCED("link-worker-introduced", Audience.PERSON, "referral-assigned",
            "who their (new) link worker is and how to reach them"),
    BOOKING_CONFIRMED("booking-confirmed", Audience.PERSON, "activity-referral-updated", "the provider has a place for them"),
    SESSION_REMINDER("session-reminder", Audience.PERSON, "activity-referral-updated",
            "a reminder before their next session (linkwork.notification.reminder-before, default a day)"),
    FOLLOW_UP_DUE("follow-up-due", Audience.PERSON, "activity-completed",
            "a follow-up questionnaire, some time after the activity (linkwork.notification.follow-up-after)");

    /** Who a rule speaks to, and how they can be reached. */
    public enum Audience {
        REFERRER(RecipientKind.REFERRER, List.of(Channel.INBOX, Channel.WEBHOOK)),
        LINK_WORKER(RecipientKind.LINK_WORKER, List.of(Channel.INBOX)),
        PROVIDER(RecipientKind.PROVIDER, List.of(Channel.INBOX, Channel.WEBHOOK)),
        PERSON(RecipientKind.PERSON, List.of(Channel.PREFERRED));

        private final RecipientKind kind;
        private final List<Channel> defaultChannels;

        Audience(RecipientKind kind, List<Channel> defaultChannels) {
            this.kind = kind;
            this.defaultChannels = defaultChannels;
        }

        public RecipientKind kind() {
            return kind;
        }

        /** Staff have an inbox and their organisation's webhooks; people have e-mail and SMS. */
        public Set<Channel> possibleChannels() {
            return switch (this) {
                case REFERRER, PROVIDER -> Set.of(Channel.INBOX, Channel.WEBHOOK);
                case LINK_WORKER -> Set.of(Channel.INBOX);
                case PERSON -> Set.of(Channel.PREFERRED, Channel.EMAIL, Channel.SMS);
            };
        }
    }

    private final String code;
    private final Audience audience;
    private final String cause;
    private final String description;

    Rule(String code, Audience audience, String cause, String description) {
        this.code = code;
        this.audience = audience;
        this.cause = cause;
        this.description = description;
    }

    public String code() {
        return code;
    }

    public Audience audience() {
        return audience;
    }

    /** The topic whose events trigger it. */
    public String cause() {
        return cause;
    }

    public String description() {
        return description;
    }

    public List<Channel> defaultChannels() {
        return audience.defaultChannels;
    }

    public static Optional<Rule> ofCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }

    /** The rules a partner system can subscribe to: those addressed to an organisation. */
    public static List<Rule> forOrganisations() {
        return Arrays.stream(values()).filter(r -> r.audience.possibleChannels().contains(Channel.WEBHOOK)).toList();
    }
}
