package org.linkwork.console.matching;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.linkwork.console.services.Reply;

/**
 * Matching-service takes no Idempotency-Key, so a verdict or a saved re-run submitted twice (a
 * double click, a refresh after the POST) would be stored and published twice. The console keeps
 * the answer to each form's idempotency key for a while and gives it again instead of sending a
 * second time. The memory is per console instance: enough for a double click, which reaches the
 * same instance on the same connection.
 */
@ApplicationScoped
public class SentOnce {

    static final int REMEMBERED = 5_000;

    private final Map<String, CompletableFuture<Reply>> sent = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<Reply>> eldest) {
            return size() > REMEMBERED;
        }
    };

    /**
     * Sends once per key: a second call with the same key waits for the first and gets its reply.
     * A send that failed (no answer, an error page) is forgotten, so trying again sends again.
     */
    public Reply send(String who, String idempotencyKey, Supplier<Reply> send) {
        String key = who + " " + idempotencyKey;
        CompletableFuture<Reply> mine = new CompletableFuture<>();
        CompletableFuture<Reply> first;
        synchronized (sent) {
            first = sent.putIfAbsent(key, mine);
        }
        if (first != null) {
            return org.linkwork.console.services.Calls.join(first);
        }
        try {
            Reply reply = send.get();
            mine.complete(reply);
            return reply;
        } catch (RuntimeException e) {
            synchronized (sent) {
                sent.remove(key, mine);
            }
            mine.completeExceptionally(e);
            throw e;
        }
    }
}
