package org.linkwork.outcomes.measures;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.hibernate.query.NativeQuery;
import org.linkwork.events.OutcomeRecorded;
import org.linkwork.outcomes.journey.JourneyStore;
import org.linkwork.outcomes.journey.ReferralJourney;
import org.linkwork.outcomes.team.TeamMemberships;
import org.linkwork.platform.outbox.Outbox;
import org.linkwork.platform.problem.Problem;
import org.linkwork.platform.problem.ProblemException;

/**
 * Records wellbeing measures: checks the answers, scores them, stores answers and scores, and
 * publishes the scores (never the answers) as outcome-recorded, all in one transaction.
 */
@ApplicationScoped
public class Measures {

    /** baseline, follow-up or a custom label such as "3-months". */
    private static final Pattern TIMEPOINT = Pattern.compile("^[a-z0-9][a-z0-9-]{0,39}$");
    private static final ObjectMapper JSON = new ObjectMapper();

    final EntityManager em;
    final JourneyStore journeys;
    final Outbox outbox;
    final TeamMemberships teams;

    Measures(EntityManager em, JourneyStore journeys, Outbox outbox, TeamMemberships teams) {
        this.em = em;
        this.journeys = journeys;
        this.outbox = outbox;
        this.teams = teams;
    }

    /** Records a link worker's measure: 404 unless they are an active member of the referral's team. */
    @Transactional
    public RecordedMeasure record(MeasureRequest request, String linkWorker) {
        List<Problem.FieldError> errors = new ArrayList<>();
        UUID referralId = null;
        if (request.referralId() == null) {
            errors.add(new Problem.FieldError("referralId", "must not be null"));
        } else {
            try {
                referralId = UUID.fromString(request.referralId());
            } catch (IllegalArgumentException e) {
                errors.add(new Problem.FieldError("referralId", "is not a referral id (a UUID)"));
            }
        }
        Instrument instrument = null;
        if (request.instrument() == null) {
            errors.add(new Problem.FieldError("instrument", "must not be null"));
        } else {
            instrument = Instrument.fromCode(request.instrument()).orElse(null);
            if (instrument == null) {
                errors.add(new Problem.FieldError("instrument", "must be one of ons4, swemwbs, ucla3, goals"));
            }
        }
        if (request.timepoint() == null) {
            errors.add(new Problem.FieldError("timepoint", "must not be null"));
        } else if (!TIMEPOINT.matcher(request.timepoint()).matches()) {
            errors.add(new Problem.FieldError("timepoint", "must be baseline, follow-up or a label of lower-case letters, digits and '-'"));
        }
        AnswerCheck.Result answers = instrument == null ? null : AnswerCheck.check(instrument, request.answers());
        if (answers != null) {
            errors.addAll(answers.errors());
        }
        if (!errors.isEmpty()) {
            String detail = errors.size() == 1 ? errors.get(0).field() + " " + errors.get(0).message()
                    : errors.size() + " fields are not valid";
            throw new ProblemException(Problem.of("validation-failed", "The request is not valid", 400, detail, errors));
        }
        ReferralJourney journey = visibleReferral(referralId, linkWorker);
        Map<String, Double> scores = instrument.score(answers.answers());
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        em.createNativeQuery("""
                insert into outcome_measure (id, referral_id, person_ref, organisation, team_id, instrument, timepoint, answers, scores,
                                             recorded_by, recorded_at)
                values (:id, :referral, :person, :organisation, :team, :instrument, :timepoint, cast(:answers as jsonb),
                        cast(:scores as jsonb), :by, :at)""").unwrap(NativeQuery.class)
                .setParameter("id", id, UUID.class)
                .setParameter("referral", referralId, UUID.class)
                .setParameter("person", journey.personRef, String.class)
                .setParameter("organisation", journey.practice, String.class)
                .setParameter("team", journey.teamId, String.class)
                .setParameter("instrument", instrument.code(), String.class)
                .setParameter("timepoint", request.timepoint(), String.class)
                .setParameter("answers", json(answers.answers()), String.class)
                .setParameter("scores", json(scores), String.class)
                .setParameter("by", linkWorker, String.class)
                .setParameter("at", now, Instant.class)
                .executeUpdate();
        outbox.publish(new OutcomeRecorded(id.toString(), referralId.toString(), journey.personRef, instrument.code(),
                request.timepoint(), scores, now));
        return new RecordedMeasure(id.toString(), referralId.toString(), instrument.code(), request.timepoint(), answers.answers(),
                scores, linkWorker, now);
    }

    /** The referral's measures, oldest first; 404 when the link worker (null: an admin) is not in the referral's team. */
    @Transactional
    public List<RecordedMeasure> ofReferral(UUID referralId, String linkWorker) {
        visibleReferral(referralId, linkWorker);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select cast(id as text), instrument, timepoint, cast(answers as text), cast(scores as text), recorded_by, recorded_at
                from outcome_measure where referral_id = :referral order by recorded_at, id""")
                .setParameter("referral", referralId).getResultList();
        List<RecordedMeasure> measures = new ArrayList<>();
        for (Object[] r : rows) {
            measures.add(new RecordedMeasure((String) r[0], referralId.toString(), (String) r[1], (String) r[2],
                    read(r[3], new TypeReference<LinkedHashMap<String, Integer>>() { }),
                    read(r[4], new TypeReference<LinkedHashMap<String, Double>>() { }), (String) r[5], instant(r[6])));
        }
        return measures;
    }

    /**
     * A referral known from the events, with a team the link worker is an active member of (null: any
     * referral, for admins). A referral whose team is not known (events written before teams were
     * carried) is an admin's only: deny by default.
     */
    private ReferralJourney visibleReferral(UUID referralId, String linkWorker) {
        ReferralJourney journey = journeys.find(referralId).orElseThrow(() -> ProblemException.notFound("referral"));
        if (journey.personRef == null || linkWorker != null && !teams.isActiveMember(journey.teamId, linkWorker)) {
            throw ProblemException.notFound("referral");
        }
        return journey;
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T read(Object json, TypeReference<T> type) {
        try {
            return JSON.readValue((String) json, type);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
