package org.linkwork.events;

import java.time.Instant;
import java.util.List;

/**
 * A link-worker team as it is now: who employs it, the practices and postcode districts it serves,
 * and its members. The topic is compacted and keyed by team id, so the latest snapshot of every team
 * is always there to read from the start. Staff data only: members appear by username.
 *
 * @param organisation the employing organisation (a primary care network's ODS code, a council's or a voluntary
 *                     organisation's id); null when not stated
 * @param members every member, inactive ones included: they keep their history but take no new referrals
 */
public record TeamChanged(
        String teamId,
        String teamName,
        String organisation,
        List<String> practices,
        List<String> areas,
        List<Member> members,
        Instant changedAt) implements LinkworkEvent {

    public record Member(String username, boolean active) {
    }

    /** True when the user is an active member. */
    public boolean hasActiveMember(String username) {
        return members != null && members.stream().anyMatch(m -> m.active() && m.username().equals(username));
    }

    @Override
    public String aggregateId() {
        return teamId;
    }
}
