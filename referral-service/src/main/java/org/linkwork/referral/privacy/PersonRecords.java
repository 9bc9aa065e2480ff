package org.linkwork.referral.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.linkwork.events.ReferralStatus;
import org.linkwork.events.Topic;
import org.linkwork.platform.outbox.Outbox;
import org.linkwork.platform.problem.ProblemException;
import org.linkwork.referral.Person;
import org.linkwork.referral.Referral;
import org.linkwork.referral.assessment.Assessment;
import org.linkwork.referral.intake.ReferralView;
import org.linkwork.referral.lifecycle.Lifecycle;
import org.linkwork.referral.lifecycle.StatusChange;
import org.linkwork.referral.lifecycle.Transitions;
import org.linkwork.referral.notes.Note;
import org.linkwork.referral.timeline.Timeline;

/** Subject access (everything held about a person) and erasure (the person's data gone, the pseudonymous history kept). */
@ApplicationScoped
public class PersonRecords {

    public static final String ERASED_REASON = "erasure";

    final ObjectMapper json;
    final Lifecycle lifecycle;
    final Timeline timeline;
    final Outbox outbox;

    PersonRecords(ObjectMapper json, Lifecycle lifecycle, Timeline timeline, Outbox outbox) {
        this.json = json;
        this.lifecycle = lifecycle;
        this.timeline = timeline;
        this.outbox = outbox;
    }

    public Person find(String personRef) {
        return Person.<Person>find("personRef", personRef).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("person"));
    }

    /** All data about a person, as JSON a person can be given. */
    @Transactional
    public Map<String, Object> export(String personRef) {
        Person p = find(personRef);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("exportedAt", Instant.now());
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("personRef", p.personRef);
        person.put("nhsNumber", p.nhsNumber);
        person.put("givenName", p.givenName);
        person.put("familyName", p.familyName);
        person.put("dateOfBirth", p.dateOfBirth);
        person.put("postcode", p.postcode);
        person.put("phone", p.phone);
        person.put("email", p.email);
        person.put("sex", p.sex);
        person.put("ethnicityGroup", p.ethnicityGroup);
        person.put("preferredChannel", p.preferredChannel);
        person.put("language", p.language);
        person.put("quietHoursStart", p.quietHoursStart);
        person.put("quietHoursEnd", p.quietHoursEnd);
        person.put("optedOut", p.optedOut);
        person.put("recordedSince", p.createdAt);
        person.put("erasedAt", p.erasedAt);
        out.put("person", person);
        List<Map<String, Object>> referrals = new ArrayList<>();
        for (Referral r : Referral.<Referral>list("person = ?1 order by receivedAt", p)) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("referral", ReferralView.of(r));
            one.put("statusChanges", StatusChange.<StatusChange>list("referralId = ?1 order by changedAt", r.id).stream()
                    .map(c -> Map.of("from", String.valueOf(c.fromStatus), "to", c.toStatus, "by", c.changedBy, "at", c.changedAt,
                            "reason", String.valueOf(c.reasonCode), "comment", String.valueOf(c.comment)))
                    .toList());
            one.put("assessments", Assessment.<Assessment>list("referralId = ?1 order by assessedAt", r.id).stream()
                    .map(a -> {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("assessedAt", a.assessedAt);
                        m.put("linkWorker", a.linkWorker);
                        m.put("details", readTree(a.details));
                        return m;
                    }).toList());
            one.put("notes", Note.<Note>list("referralId = ?1 order by createdAt", r.id).stream()
                    .map(n -> Map.of("at", n.createdAt, "author", n.author, "text", String.valueOf(n.text))).toList());
            one.put("timeline", timeline.of(r.id, 0));
            referrals.add(one);
        }
        out.put("referrals", referrals);
        out.put("accessLog", auditOf(p.personRef));
        return out;
    }

    /**
     * Removes the person's identifying data everywhere in this service and tells notification-service
     * to forget their contact details; statuses, codes, dates and the personRef stay, so the
     * pseudonymous history and the KPIs still add up. Open referrals are withdrawn first.
     */
    @Transactional
    public void erase(String personRef, String by, String role) {
        Person p = find(personRef);
        if (p.erased()) {
            return;
        }
        Instant now = Instant.now();
        List<Referral> referrals = Referral.list("person", p);
        var em = Panache.getEntityManager();
        for (Referral r : referrals) {
            if (r.status.isOpen()) {
                lifecycle.follow(r, r.status == ReferralStatus.COMPLETED ? ReferralStatus.CLOSED : ReferralStatus.WITHDRAWN, by,
                        Transitions.SYSTEM.equals(role) ? role : role, ERASED_REASON);
            }
            r.reason = null;
            r.inOwnWords = null;
            r.duplicateOverrideReason = null;
            em.createNativeQuery("update note set text = null where referral_id = ?1").setParameter(1, r.id).executeUpdate();
            em.createNativeQuery("update assessment set details = null where referral_id = ?1").setParameter(1, r.id).executeUpdate();
            em.createNativeQuery("update status_change set comment = null where referral_id = ?1").setParameter(1, r.id).executeUpdate();
            // stored first responses of POSTs about this referral hold the person's details too
            em.createNativeQuery("delete from idempotency_record where location like ?1").setParameter(1, "%" + r.id + "%").executeUpdate();
            timeline.add(r, "erased", "Personal data erased", by, role);
        }
        p.nhsNumber = null;
        p.nhsNumberIndex = null;
        p.identityIndex = null;
        p.givenName = null;
        p.familyName = null;
        p.dateOfBirth = null;
        p.postcode = null;
        p.phone = null;
        p.email = null;
        p.quietHoursStart = null;
        p.quietHoursEnd = null;
        p.optedOut = true;
        p.preferredChannel = "none";
        p.erasedAt = now;
        outbox.publishTombstone(Topic.PERSON_CONTACT_CHANGED, p.personRef);
    }

    private List<Map<String, Object>> auditOf(String personRef) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery(
                "select at, actor, actor_role, actor_org, action, referral_id from audit_event where person_ref = ?1 order by id")
                .setParameter(1, personRef).getResultList();
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object[] row : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("at", org.linkwork.referral.Times.instant(row[0]));
            m.put("actor", row[1]);
            m.put("role", row[2]);
            m.put("organisation", row[3]);
            m.put("action", row[4]);
            m.put("referralId", row[5] == null ? null : row[5].toString());
            out.add(m);
        }
        return out;
    }

    private JsonNode readTree(String details) {
        if (details == null) {
            return null;
        }
        try {
            return json.readTree(details);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    static UUID uuid(Object o) {
        return o instanceof UUID u ? u : UUID.fromString(o.toString());
    }
}
