package org.linkwork.referral.privacy;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.linkwork.platform.security.Caller;
import org.linkwork.referral.Referral;

/**
 * Every read and change of a person's record, with who did it. Written in the transaction of the
 * change itself (or its own, for a read), so a change is never without its audit row.
 */
@ApplicationScoped
public class AuditLog {

    private static final List<String> ROLES = List.of(Caller.ADMIN, Caller.LINK_WORKER, Caller.REFERRER, Caller.PROVIDER, Caller.ANALYST);

    final Caller caller;

    AuditLog(Caller caller) {
        this.caller = caller;
    }

    /** The current caller did {@code action} to the referral's person. */
    @Transactional
    public void record(String action, Referral referral, String detail) {
        write(caller.username(), role(caller), caller.organisation().orElse(null), action,
                referral == null ? null : referral.person.personRef, referral == null ? null : referral.id, detail);
    }

    /** The current caller did {@code action} to a person, outside any one referral. */
    @Transactional
    public void recordPerson(String action, String personRef, String detail) {
        write(caller.username(), role(caller), caller.organisation().orElse(null), action, personRef, null, detail);
    }

    /** Something acting without a user token: a listener, a scheduler, an anonymous self-referral. */
    @Transactional
    public void recordAs(String actor, String action, Referral referral, String detail) {
        write(actor, null, null, action, referral.person.personRef, referral.id, detail);
    }

    /** Someone named, not the current caller: a partner system's referral fetched in the background. */
    @Transactional
    public void recordAs(String actor, String role, String organisation, String action, Referral referral, String detail) {
        write(actor, role, organisation, action, referral.person.personRef, referral.id, detail);
    }

    /** A list showed these referrals' people to the caller. */
    @Transactional
    public void recordListed(List<Referral> referrals) {
        for (Referral r : referrals) {
            record("list", r, null);
        }
    }

    private static void write(String actor, String role, String org, String action, String personRef, java.util.UUID referralId,
            String detail) {
        Panache.getEntityManager().createNativeQuery("""
                insert into audit_event (at, actor, actor_role, actor_org, action, person_ref, referral_id, detail)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""")
                .setParameter(1, Timestamp.from(Instant.now())).setParameter(2, actor == null ? "unknown" : actor)
                .setParameter(3, role).setParameter(4, org).setParameter(5, action).setParameter(6, personRef)
                .setParameter(7, referralId).setParameter(8, detail).executeUpdate();
    }

    static String role(Caller caller) {
        return ROLES.stream().filter(caller::hasRole).findFirst().orElse(null);
    }
}
