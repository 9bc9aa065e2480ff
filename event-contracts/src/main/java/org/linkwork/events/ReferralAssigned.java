package org.linkwork.events;

import java.time.Instant;

/**
 * A referral was given to a link worker: automatically on arrival, or reassigned by hand.
 *
 * @param linkWorkerName the link worker's display name, for messages to the person (staff data, not the person's)
 * @param previousLinkWorker null on first assignment
 * @param assignedByRole {@code system} for automatic assignment, otherwise the role of who reassigned
 * @param teamId the team the referral is now with
 * @param previousTeamId the team it was with before a move between teams; null when it stayed in its team
 * @param assignedBy username of who reassigned or moved it, null for automatic assignment
 * @param moveReasonCode why it moved to another team ({@link Vocabulary#TEAM_MOVE_REASONS}), null when it did not
 */
public record ReferralAssigned(
        String referralId,
        String personRef,
        String referrerOrganization,
        String linkWorker,
        String linkWorkerName,
        String previousLinkWorker,
        String assignedByRole,
        Instant assignedAt,
        String teamId,
        String previousTeamId,
        String assignedBy,
        String moveReasonCode) implements LinkworkEvent {

    /** The first version's fields, for events and tests written before teams were carried. */
    public ReferralAssigned(String referralId, String personRef, String referrerOrganization, String linkWorker, String linkWorkerName,
            String previousLinkWorker, String assignedByRole, Instant assignedAt) {
        this(referralId, personRef, referrerOrganization, linkWorker, linkWorkerName, previousLinkWorker, assignedByRole, assignedAt,
                null, null, null, null);
    }

    /** True when this assignment moved the referral from one team to another. */
    public boolean movedTeam() {
        return previousTeamId != null && !previousTeamId.equals(teamId);
    }

    @Override
    public String aggregateId() {
        return referralId;
    }
}
