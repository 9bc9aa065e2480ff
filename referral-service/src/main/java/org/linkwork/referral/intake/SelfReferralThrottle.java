package org.linkwork.referral.intake;

import io.quarkus.hibernate.orm.panache.Panache;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.linkwork.platform.problem.Problem;
import org.linkwork.platform.problem.ProblemException;
import org.linkwork.referral.ReferralSettings;
import org.linkwork.referral.privacy.FieldEncryption;

/**
 * At most {@code limit} self-referral attempts per client address per period, counted in the
 * database so that every instance of the service shares the count. Addresses are stored only as
 * keyed hashes. Behind a proxy, set {@code quarkus.http.proxy.proxy-address-forwarding=true} so the
 * client's address, not the proxy's, is counted.
 */
@ApplicationScoped
public class SelfReferralThrottle {

    final ReferralSettings settings;

    SelfReferralThrottle(ReferralSettings settings) {
        this.settings = settings;
    }

    static String clientOf(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void admit(String clientAddress) {
        String client = FieldEncryption.configured().index("client:" + clientAddress);
        Instant now = Instant.now();
        Instant since = now.minus(settings.selfReferral().per());
        var em = Panache.getEntityManager();
        // one client's attempts are counted one at a time, so a burst cannot slip past the limit
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))").setParameter(1, client).getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object> recent = em.createNativeQuery(
                "select at from self_referral_attempt where client_hash = ?1 and at > ?2 order by at")
                .setParameter(1, client).setParameter(2, Timestamp.from(since)).getResultList();
        if (recent.size() >= settings.selfReferral().limit()) {
            long retryAfter = Math.max(1, org.linkwork.referral.Times.instant(recent.get(0)).plus(settings.selfReferral().per()).getEpochSecond() - now.getEpochSecond());
            throw new ProblemException(Problem.of("too-many-requests", "Too many self-referrals from your connection", 429,
                    "Please try again later, or ask your GP practice to refer you.", List.of()).with("retryAfterSeconds", retryAfter));
        }
        em.createNativeQuery("insert into self_referral_attempt (client_hash, at) values (?1, ?2)")
                .setParameter(1, client).setParameter(2, Timestamp.from(now)).executeUpdate();
        // keep the table small: attempts older than the period no longer count
        em.createNativeQuery("delete from self_referral_attempt where client_hash = ?1 and at <= ?2")
                .setParameter(1, client).setParameter(2, Timestamp.from(since)).executeUpdate();
    }
}
