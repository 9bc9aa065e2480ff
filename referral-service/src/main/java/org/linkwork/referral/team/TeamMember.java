package org.linkwork.referral.team;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.List;

/** A link worker in a team; inactive members keep their history but take no new referrals. */
@Entity
@Table(name = "team_member")
@IdClass(TeamMember.Key.class)
public class TeamMember extends PanacheEntityBase {

    @Id
    @Column(name = "team_id")
    public String teamId;

    @Id
    public String username;

    @Column(name = "display_name")
    public String displayName;

    public boolean active;

    public record Key(String teamId, String username) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    /** The teams the user is an active member of: those whose referrals they see. */
    public static List<String> teamsOf(String username) {
        return find("username = ?1 and active", username).<TeamMember>list().stream().map(m -> m.teamId).toList();
    }

    /** Active members see the team's referrals; someone who left it keeps their history but no access. */
    public static boolean isMember(String teamId, String username) {
        return teamId != null && count("teamId = ?1 and username = ?2 and active", teamId, username) > 0;
    }
}
