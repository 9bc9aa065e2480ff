package org.linkwork.referral.loop;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.linkwork.events.ActivityCompleted;
import org.linkwork.events.ActivityReferralUpdated;
import org.linkwork.events.ReferralStatus;
import org.linkwork.platform.outbox.Outbox;
import org.linkwork.platform.problem.Problem;
import org.linkwork.platform.problem.ProblemException;
import org.linkwork.referral.Referral;
import org.linkwork.referral.lifecycle.Lifecycle;
import org.linkwork.referral.lifecycle.ReferralMoved;
import org.linkwork.referral.lifecycle.Transitions;
import org.linkwork.referral.loop.ActivityTransitions.Party;
import org.linkwork.referral.timeline.Timeline;

/**
 * The closed loop's moves: sending an activity referral, the provider's answer, attendance, the
 * end. Each change is announced on {@code activity-referral-updated} (and {@code activity-completed}
 * at the end) in its own transaction, and the referral's status follows: matched → in-activity when
 * an activity starts, → completed when one is completed, back to matched when the only running one
 * ends early.
 */
@ApplicationScoped
public class ActivityReferrals {

    /** The code system of directory service ids, as a Procedure's code names the activity. */
    public static final String SERVICE_SYSTEM = "urn:linkwork:service";

    final Outbox outbox;
    final Timeline timeline;
    final Lifecycle lifecycle;

    ActivityReferrals(Outbox outbox, Timeline timeline, Lifecycle lifecycle) {
        this.outbox = outbox;
        this.timeline = timeline;
        this.lifecycle = lifecycle;
    }

    /** What a link worker asks for. */
    public record Request(String serviceId, String activityType, boolean shareContact, Instant nextSessionAt) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public ActivityReferral send(Referral referral, Request request, String by, String role) {
        if (referral.status != ReferralStatus.MATCHED && referral.status != ReferralStatus.IN_ACTIVITY) {
            throw new ProblemException(Problem.of("referral-not-matched", "The referral has no activities to choose from", 409,
                    "An activity referral can be sent once activities are proposed (matched or in-activity); this referral is "
                            + referral.status.code(), List.of()).with("currentStatus", referral.status.code()));
        }
        ProposedService service = ProposedService.find(referral.id, request.serviceId()).orElseThrow(
                () -> ProblemException.invalid("serviceId", "not one of the activities proposed for this referral"));
        ActivityReferral open = ActivityReferral.<ActivityReferral>list("referralId = ?1 and serviceId = ?2", referral.id, service.serviceId)
                .stream().filter(a -> a.status.isOpen()).findFirst().orElse(null);
        if (open != null) {
            throw new ProblemException(Problem.of("activity-referral-open", "An activity referral to this activity is open", 409,
                    "Activity referral " + open.id + " to this activity is still " + open.status.code(), List.of())
                    .with("existingActivityReferralId", open.id.toString()));
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        ActivityReferral a = new ActivityReferral();
        a.id = UUID.randomUUID();
        a.referralId = referral.id;
        a.serviceId = service.serviceId;
        a.serviceName = service.serviceName;
        a.activityType = request.activityType();
        a.providerOrganization = service.organizationId;
        a.requester = by;
        a.status = ActivityStatus.REQUESTED;
        a.shareContact = request.shareContact();
        a.nextSessionAt = request.nextSessionAt();
        a.requestedAt = now;
        a.updatedAt = now;
        a.persist();
        timeline.add(referral, "activity", "Activity referral sent to " + a.serviceName, by, role);
        announce(a, referral, now);
        return a;
    }

    /**
     * Moves an activity referral, or refuses with 409 naming what this party may do now.
     *
     * @param reasonText why, in words; stays in this service
     * @param procedures what the provider recorded as done, for a completion (none: the platform records the activity itself)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void move(ActivityReferral a, ActivityStatus to, Party party, String by, String role, String reasonCode, String reasonText,
            Instant nextSessionAt, List<ActivityProcedure> procedures) {
        if (!ActivityTransitions.allowedFor(a.status, party).contains(to)) {
            throw illegal(a, to, party);
        }
        if (ActivityTransitions.needsReason(to) && reasonCode == null) {
            throw ProblemException.invalid("reasonCode", "a coded reason is needed to mark an activity referral " + to.code());
        }
        apply(a, to, by, role, reasonCode, reasonText, nextSessionAt, procedures);
    }

    private void apply(ActivityReferral a, ActivityStatus to, String by, String role, String reasonCode, String reasonText,
            Instant nextSessionAt, List<ActivityProcedure> procedures) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        ActivityStatus from = a.status;
        a.status = to;
        a.statusReasonCode = reasonCode;
        a.statusReasonText = reasonText;
        a.updatedAt = now;
        if (nextSessionAt != null) {
            a.nextSessionAt = nextSessionAt;
        }
        if (to == ActivityStatus.IN_PROGRESS && a.startedAt == null) {
            a.startedAt = now;
        }
        if (!to.isOpen()) {
            a.endedAt = now;
            a.nextSessionAt = null;
        }
        Referral referral = a.referral();
        timeline.add(referral, "activity", a.serviceName + ": " + from.code() + " → " + to.code()
                + (reasonCode == null ? "" : " (" + reasonCode + ")"), by, role);
        announce(a, referral, now);

        if (to == ActivityStatus.IN_PROGRESS && referral.status == ReferralStatus.MATCHED) {
            lifecycle.follow(referral, ReferralStatus.IN_ACTIVITY, by, role, "activity-started");
        } else if (to == ActivityStatus.COMPLETED) {
            if (procedures.isEmpty()) {
                ActivityProcedure.made(a, by, now);
            }
            outbox.publish(new ActivityCompleted(a.id.toString(), referral.id.toString(), referral.person.personRef, a.serviceId,
                    a.providerOrganization, a.sessionsAttended, now, referral.referrerOrganization, a.publishedName()));
            if (referral.status == ReferralStatus.IN_ACTIVITY) {
                lifecycle.follow(referral, ReferralStatus.COMPLETED, by, role, "activity-completed");
            }
        } else if ((to == ActivityStatus.FAILED || to == ActivityStatus.CANCELLED) && referral.status == ReferralStatus.IN_ACTIVITY
                && ActivityReferral.ofReferral(referral.id).stream().noneMatch(
                        o -> o.status == ActivityStatus.IN_PROGRESS || o.status == ActivityStatus.ON_HOLD)) {
            // the activity ended early: the link worker and the person choose another
            lifecycle.follow(referral, ReferralStatus.MATCHED, by, role, "activity-ended");
        }
    }

    /** One session, attended or missed; recording the same session again corrects it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void attend(ActivityReferral a, Instant sessionAt, boolean attended, Instant nextSessionAt, String by, String role) {
        if (a.status != ActivityStatus.IN_PROGRESS) {
            throw new ProblemException(Problem.of("activity-not-in-progress", "Attendance is recorded while an activity is in progress",
                    409, "This activity referral is " + a.status.code() + "; start it (in-progress) before recording sessions", List.of())
                    .with("currentStatus", a.status.code()));
        }
        var em = Panache.getEntityManager();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        em.createNativeQuery("""
                insert into session_attendance (activity_referral_id, session_at, attended, recorded_by, recorded_at)
                values (?1, ?2, ?3, ?4, ?5)
                on conflict (activity_referral_id, session_at) do update
                set attended = excluded.attended, recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at""")
                .setParameter(1, a.id).setParameter(2, Timestamp.from(sessionAt)).setParameter(3, attended).setParameter(4, by)
                .setParameter(5, Timestamp.from(now)).executeUpdate();
        a.sessionsAttended = ((Number) em.createNativeQuery(
                "select count(*) from session_attendance where activity_referral_id = ?1 and attended")
                .setParameter(1, a.id).getSingleResult()).intValue();
        if (nextSessionAt != null) {
            a.nextSessionAt = nextSessionAt;
        } else if (a.nextSessionAt != null && !a.nextSessionAt.isAfter(sessionAt)) {
            a.nextSessionAt = null; // that session has happened
        }
        a.updatedAt = now;
        Referral referral = a.referral();
        timeline.add(referral, "attendance", a.serviceName + ": session " + (attended ? "attended" : "missed")
                + " (" + a.sessionsAttended + " attended)", by, role);
        announce(a, referral, now);
    }

    /** A referral that leaves the lifecycle takes its open activity referrals with it: providers keep no place for it. */
    void onReferralMoved(@Observes ReferralMoved moved) {
        if (moved.to().isOpen()) {
            return;
        }
        String reason = moved.reasonCode() != null && List.of("consent-withdrawn", "erasure").contains(moved.reasonCode())
                ? moved.reasonCode() : "referral-" + moved.to().code();
        for (ActivityReferral a : ActivityReferral.ofReferral(moved.referral().id)) {
            if (a.status.isOpen()) {
                apply(a, ActivityStatus.CANCELLED, moved.by(), moved.role() == null ? Transitions.SYSTEM : moved.role(), reason, null,
                        null, List.of());
            }
        }
    }

    private void announce(ActivityReferral a, Referral referral, Instant at) {
        outbox.publish(new ActivityReferralUpdated(a.id.toString(), referral.id.toString(), referral.person.personRef, a.serviceId,
                a.activityType, a.providerOrganization, referral.referrerOrganization, a.requester, a.status.code(), a.statusReasonCode,
                a.sessionsAttended, a.nextSessionAt, at, a.publishedName()));
    }

    static ProblemException illegal(ActivityReferral a, ActivityStatus to, Party party) {
        List<String> allowed = ActivityTransitions.allowedFor(a.status, party).stream().map(ActivityStatus::code).toList();
        return new ProblemException(Problem.of("invalid-transition", "This status change is not allowed", 409,
                "An activity referral that is " + a.status.code() + " cannot become " + to.code() + " by the "
                        + (party == Party.OWNER ? "provider" : "requester")
                        + (allowed.isEmpty() ? "; no change is open to you now" : "; allowed: " + String.join(", ", allowed)),
                List.of()).with("currentStatus", a.status.code()).with("allowed", allowed));
    }
}
