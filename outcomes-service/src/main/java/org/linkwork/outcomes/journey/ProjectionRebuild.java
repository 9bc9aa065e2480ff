package org.linkwork.outcomes.journey;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.linkwork.platform.problem.Problem;
import org.linkwork.platform.problem.ProblemException;

/**
 * Rebuilds the journeys from the topics, from offset zero. It reads up to the topics' current end
 * without holding anything, then locks the table against the live consumers, reads the few events
 * that arrived meanwhile, and swaps the contents in one transaction. Live consumers then carry on;
 * an event they apply again is harmless, because every fold is idempotent.
 */
@ApplicationScoped
public class ProjectionRebuild {

    private static final Logger LOG = Logger.getLogger(ProjectionRebuild.class);

    public record Result(long events, long skipped, long duplicates, long referrals, Map<String, Long> eventsByTopic, long durationMillis) {
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    /** {@code if-empty} (default), {@code always} or {@code never}. */
    @ConfigProperty(name = "linkwork.kpis.rebuild-at-start", defaultValue = "if-empty")
    String rebuildAtStart;

    @ConfigProperty(name = "linkwork.kpis.rebuild-timeout", defaultValue = "PT10M")
    Duration timeout;

    final EntityManager em;
    private final ReentrantLock running = new ReentrantLock();

    ProjectionRebuild(EntityManager em) {
        this.em = em;
    }

    void onStart(@Observes StartupEvent event) {
        boolean rebuild = switch (rebuildAtStart) {
            case "always" -> true;
            case "never" -> false;
            default -> QuarkusTransaction.requiringNew().call(() ->
                    em.createNativeQuery("select not exists (select 1 from referral_journey)").getSingleResult().equals(Boolean.TRUE));
        };
        if (rebuild) {
            try {
                Result result = rebuild();
                LOG.infof("KPI projections rebuilt at start-up from %d events (%d skipped) in %d ms: %d referrals",
                        result.events(), result.skipped(), result.durationMillis(), result.referrals());
            } catch (RuntimeException e) {
                // the service still starts: the live consumers fill the projections in, and an admin can rebuild later
                LOG.warnf("KPI projections could not be rebuilt at start-up (%s); POST /kpis/rebuild when the broker is back",
                        e.getClass().getSimpleName());
            }
        }
    }

    /** Threads that parse and fold while the consumer fetches: one per core. */
    static int workers() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    public Result rebuild() {
        if (!running.tryLock()) {
            throw new ProblemException(Problem.of("rebuild-running", "A rebuild is already running", 409,
                    "Wait for the running rebuild to finish", java.util.List.of()));
        }
        try {
            long started = System.nanoTime();
            JourneyReplay replay = new JourneyReplay();
            long[] events = new long[1];
            try (TopicReplay topics = new TopicReplay(bootstrapServers, JourneyTopics.CONSUMED)) {
                events[0] = topics.readUntil(topics.endOffsets(), replay::accept, workers());
                QuarkusTransaction.requiringNew().timeout((int) timeout.toSeconds()).run(() -> {
                    em.createNativeQuery("lock table referral_journey in exclusive mode").executeUpdate();
                    events[0] += topics.readUntil(topics.endOffsets(), replay::accept);
                    em.unwrap(Session.class).doWork(connection -> JourneyTable.replaceAll(connection, replay.journeys().values()));
                });
            }
            return new Result(events[0], replay.skipped(), replay.duplicates(), replay.journeys().size(), replay.eventsByTopic(),
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
        } finally {
            running.unlock();
        }
    }
}
