package org.linkwork.notification.delivery;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.linkwork.notification.email.EmailChannel;
import org.linkwork.notification.sms.SmsChannel;
import org.linkwork.notification.webhooks.WebhookChannel;

/**
 * Works the delivery queue: every tick it claims what is due and sends each message on its own
 * virtual thread, so a slow or failing provider holds up only its own messages, never another
 * channel's. A bound on messages in flight keeps a provider outage from piling up threads.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);

    final DeliveryQueue queue;
    final EmailChannel email;
    final SmsChannel sms;
    final WebhookChannel webhooks;
    final int batchSize;
    final Semaphore inFlight;
    final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
    final boolean enabled;

    DeliveryWorker(DeliveryQueue queue, EmailChannel email, SmsChannel sms, WebhookChannel webhooks,
            @ConfigProperty(name = "linkwork.delivery.batch-size") int batchSize,
            @ConfigProperty(name = "linkwork.delivery.max-in-flight") int maxInFlight,
            @ConfigProperty(name = "linkwork.delivery.enabled") boolean enabled) {
        this.enabled = enabled;
        this.queue = queue;
        this.email = email;
        this.sms = sms;
        this.webhooks = webhooks;
        this.batchSize = batchSize;
        this.inFlight = new Semaphore(maxInFlight);
    }

    @Scheduled(every = "${linkwork.delivery.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Disabled.class)
    void scheduledTick() {
        tick();
    }

    /** Claims are row locks with skip-locked, so a wake-up running beside the scheduled tick is safe. */
    void tick() {
        if (senders.isShutdown()) {
            return;
        }
        int free = Math.min(batchSize, inFlight.availablePermits());
        if (free == 0) {
            return;
        }
        List<UUID> due;
        try {
            due = queue.claim(free);
        } catch (RuntimeException e) {
            LOG.warnf("could not read the delivery queue: %s", e.getClass().getSimpleName());
            return;
        }
        for (UUID id : due) {
            inFlight.acquireUninterruptibly();
            if (senders.isShutdown()) {
                inFlight.release();
                return; // stopping: the claimed rows come back when their lease runs out
            }
            senders.submit(() -> {
                try {
                    deliver(id);
                } finally {
                    inFlight.release();
                }
            });
        }
    }

    /** Looks at the queue now, off the caller's thread, rather than at the next tick. */
    public void wake() {
        if (enabled && !senders.isShutdown()) {
            try {
                senders.submit(this::tick);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // stopping; the next start finds the rows
            }
        }
    }

    void deliver(UUID id) {
        try {
            switch (queue.prepare(id)) {
                case Step.Send send -> queue.record(id, send.channel(), send(send.message()));
                case Step.Defer defer -> queue.defer(id, defer.until());
                case Step.Drop drop -> queue.drop(id, drop.status(), drop.reason());
                case Step.Fail fail -> queue.record(id, fail.channel(), fail.result());
                case Step.Nothing nothing -> {
                }
            }
        } catch (RuntimeException e) {
            // its lease runs out and it is tried again; the class alone, as a message may quote an address
            LOG.errorf("delivery %s could not be processed: %s", id, e.getClass().getName());
        }
    }

    private SendResult send(Outgoing message) {
        return switch (message) {
            case Outgoing.Email e -> email.send(e);
            case Outgoing.Sms s -> sms.send(s);
            case Outgoing.Webhook w -> webhooks.send(w);
        };
    }

    void stop(@Observes ShutdownEvent event) {
        senders.shutdownNow();
    }

    /** {@code linkwork.delivery.enabled=false} stops the worker (e.g. on a read-only replica). */
    @ApplicationScoped
    public static class Disabled implements Scheduled.SkipPredicate {

        @ConfigProperty(name = "linkwork.delivery.enabled")
        boolean enabled;

        @Override
        public boolean test(io.quarkus.scheduler.ScheduledExecution execution) {
            return !enabled;
        }
    }
}
