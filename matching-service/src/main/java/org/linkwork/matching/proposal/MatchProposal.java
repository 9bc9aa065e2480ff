package org.linkwork.matching.proposal;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The current proposal for an assessed referral: its ranked activities. A re-assessment replaces it. */
@Entity
@Table(name = "match_proposal")
public class MatchProposal extends PanacheEntityBase {

    @Id
    @Column(name = "referral_id")
    public UUID referralId;

    /** The referring practice, as the assessment said (who may read the proposal is decided by the referral's team). */
    @Column(name = "referrer_organization")
    public String referrerOrganization;

    /** The team the assessment named; the referral's current team is in {@link ReferralTeams}, which follows moves. */
    @Column(name = "team_id")
    public String teamId;

    @Column(name = "link_worker")
    public String linkWorker;

    /** The person's pseudonym, for the feedback events. */
    @Column(name = "person_ref")
    public String personRef;

    /** The assessment it was made from (JSON, coded, no identifiers): a link worker's re-run starts from it. */
    public String assessment;

    @Column(name = "assessed_at")
    public Instant assessedAt;

    @Column(name = "proposed_at")
    public Instant proposedAt;

    @ElementCollection
    @CollectionTable(name = "proposed_activity", joinColumns = @JoinColumn(name = "referral_id"))
    @OrderBy("rank")
    public List<ProposedActivity> activities = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "excluded_activity", joinColumns = @JoinColumn(name = "referral_id"))
    @OrderBy("position")
    public List<ExcludedActivity> excluded = new ArrayList<>();
}
