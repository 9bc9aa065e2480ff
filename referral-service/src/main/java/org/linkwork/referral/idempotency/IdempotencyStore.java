package org.linkwork.referral.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.linkwork.referral.ReferralSettings;
import org.linkwork.referral.privacy.FieldEncryption;

/**
 * The first result of each keyed POST. A key is claimed (a row without a status) before the
 * request runs, in its own transaction, so two concurrent requests with one key cannot both run;
 * the result is stored after. Stored bodies are encrypted: they carry personal data.
 */
@ApplicationScoped
public class IdempotencyStore {

    enum Outcome { FIRST, REPLAY, DIFFERENT_BODY, IN_PROGRESS }

    record Claim(Outcome outcome, String scope, String key, Response replay) {
    }

    final ObjectMapper json;
    final ReferralSettings settings;

    IdempotencyStore(ObjectMapper json, ReferralSettings settings) {
        this.json = json;
        this.settings = settings;
    }

    static String hash(String method, String path, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((method + " " + path + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Claim claim(String scope, String key, String method, String path, String requestHash) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var em = Panache.getEntityManager();
            Instant now = Instant.now();
            int inserted = em.createNativeQuery("""
                    insert into idempotency_record (scope, idem_key, method, path, request_hash, created_at)
                    values (?1, ?2, ?3, ?4, ?5, ?6) on conflict (scope, idem_key) do nothing""")
                    .setParameter(1, scope).setParameter(2, key).setParameter(3, method).setParameter(4, path)
                    .setParameter(5, requestHash).setParameter(6, Timestamp.from(now)).executeUpdate();
            if (inserted == 1) {
                return new Claim(Outcome.FIRST, scope, key, null);
            }
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                    select request_hash, status, content_type, location, body, created_at from idempotency_record
                    where scope = ?1 and idem_key = ?2 for update""").setParameter(1, scope).setParameter(2, key).getResultList();
            if (rows.isEmpty()) {
                return new Claim(Outcome.IN_PROGRESS, scope, key, null);
            }
            Object[] row = rows.get(0);
            if (!requestHash.equals(row[0])) {
                return new Claim(Outcome.DIFFERENT_BODY, scope, key, null);
            }
            if (row[1] == null) {
                Instant started = org.linkwork.referral.Times.instant(row[5]);
                if (started.plus(settings.idempotency().abandonedAfter()).isBefore(now)) {
                    // the first attempt died without an answer: this retry takes it over
                    em.createNativeQuery("update idempotency_record set created_at = ?3 where scope = ?1 and idem_key = ?2")
                            .setParameter(1, scope).setParameter(2, key).setParameter(3, Timestamp.from(now)).executeUpdate();
                    return new Claim(Outcome.FIRST, scope, key, null);
                }
                return new Claim(Outcome.IN_PROGRESS, scope, key, null);
            }
            Response.ResponseBuilder replay = Response.status(((Number) row[1]).intValue()).header("Idempotent-Replayed", "true");
            if (row[2] != null) {
                replay.type((String) row[2]);
            }
            if (row[3] != null) {
                replay.header("Location", row[3]);
            }
            String body = FieldEncryption.configured().decrypt((String) row[4]);
            if (body != null) {
                replay.entity(body);
            }
            return new Claim(Outcome.REPLAY, scope, key, replay.build());
        });
    }

    void complete(Claim claim, int status, String contentType, String location, Object entity) {
        String body = entity == null ? null : entity instanceof String s ? s : write(entity);
        QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager().createNativeQuery("""
                update idempotency_record set status = ?3, content_type = ?4, location = ?5, body = ?6
                where scope = ?1 and idem_key = ?2""")
                .setParameter(1, claim.scope()).setParameter(2, claim.key()).setParameter(3, status).setParameter(4, contentType)
                .setParameter(5, location).setParameter(6, FieldEncryption.configured().encrypt(body)).executeUpdate());
    }

    void release(Claim claim) {
        QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager()
                .createNativeQuery("delete from idempotency_record where scope = ?1 and idem_key = ?2")
                .setParameter(1, claim.scope()).setParameter(2, claim.key()).executeUpdate());
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void expire() {
        Instant before = Instant.now().minus(settings.idempotency().retention());
        QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager()
                .createNativeQuery("delete from idempotency_record where created_at < ?1")
                .setParameter(1, Timestamp.from(before)).executeUpdate());
    }

    private String write(Object entity) {
        try {
            return json.writeValueAsString(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response could not be stored for Idempotency-Key");
        }
    }
}
