package org.linkwork.matching.proposal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads a stored proposal as its link worker sees it in one query (the proposal, its activities,
 * near-misses and verdicts aggregated by PostgreSQL), instead of an entity and three collections:
 * the read path is the busiest one, and each round trip costs more than the rows.
 */
@ApplicationScoped
public class ProposalReader {

    private static final String QUERY = """
            select p.referrer_organization, p.proposed_at,
              (select coalesce(json_agg(json_build_array(a.rank, a.service_id, a.service_name, a.organization_id, a.score, a.distance_km,
                   a.reasons, a.reasons_against) order by a.rank), '[]') from proposed_activity a where a.referral_id = p.referral_id)::text,
              (select coalesce(json_agg(json_build_array(e.service_id, e.service_name, e.reasons) order by e.position), '[]')
                 from excluded_activity e where e.referral_id = p.referral_id)::text,
              (select coalesce(json_agg(json_build_array(f.id, f.service_id, f.decision, f.reason_code, f.rank, f.link_worker,
                   (extract(epoch from f.recorded_at) * 1000)::bigint) order by f.recorded_at, f.id), '[]')
                 from match_feedback f where f.referral_id = p.referral_id)::text
              , coalesce((select t.team_id from referral_team t where t.referral_id = p.referral_id), p.team_id)
            from match_proposal p where p.referral_id = ?""";

    /** A stored proposal and whose it is: the team whose active members may read it. */
    public record Stored(String referrerOrganization, String teamId, MatchView view) {
    }

    final AgroalDataSource dataSource;
    final ObjectMapper json;

    ProposalReader(AgroalDataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    public Optional<Stored> read(UUID referralId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(QUERY)) {
            s.setObject(1, referralId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Instant proposedAt = rs.getObject(2, OffsetDateTime.class).toInstant();
                MatchView view = new MatchView(referralId, proposedAt, true, proposals(rs.getString(3)), excluded(rs.getString(4)),
                        feedback(referralId, rs.getString(5)));
                return Optional.of(new Stored(rs.getString(1), rs.getString(6), view));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading a stored proposal failed", e);
        }
    }

    private List<MatchView.Proposal> proposals(String rows) {
        List<MatchView.Proposal> list = new ArrayList<>();
        for (JsonNode r : tree(rows)) {
            list.add(new MatchView.Proposal(r.get(0).asInt(), r.get(1).asText(), r.get(2).asText(), r.get(3).asText(), r.get(4).asDouble(),
                    r.get(5).isNull() ? null : r.get(5).asDouble(), strings(r.get(6)), strings(r.get(7))));
        }
        return list;
    }

    private List<MatchView.Excluded> excluded(String rows) {
        List<MatchView.Excluded> list = new ArrayList<>();
        for (JsonNode r : tree(rows)) {
            list.add(new MatchView.Excluded(r.get(0).asText(), r.get(1).asText(), strings(r.get(2))));
        }
        return list;
    }

    private List<FeedbackView> feedback(UUID referralId, String rows) {
        List<FeedbackView> list = new ArrayList<>();
        for (JsonNode r : tree(rows)) {
            list.add(new FeedbackView(UUID.fromString(r.get(0).asText()), referralId, r.get(1).asText(), r.get(2).asText(), text(r.get(3)),
                    r.get(4).isNull() ? null : r.get(4).asInt(), text(r.get(5)), Instant.ofEpochMilli(r.get(6).asLong())));
        }
        return list;
    }

    private JsonNode tree(String rows) {
        try {
            return json.readTree(rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static List<String> strings(JsonNode array) {
        if (array == null || array.isNull()) {
            return List.of();
        }
        List<String> list = new ArrayList<>(array.size());
        array.forEach(n -> list.add(n.asText()));
        return List.copyOf(list);
    }
}
