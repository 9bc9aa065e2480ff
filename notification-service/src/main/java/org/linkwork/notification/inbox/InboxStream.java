package org.linkwork.notification.inbox;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.linkwork.notification.rules.Recipient;

/**
 * The live inboxes: each open {@code GET /notifications/stream} hears of the notifications placed
 * for its caller after they commit: by username, or for a role they hold within their organisation,
 * as {@link Inbox} reads them. Streams live in this instance's
 * memory; a client that reconnects reads what it missed from {@code GET /notifications}.
 */
@ApplicationScoped
public class InboxStream {

    /** One open stream, and whose it is. */
    record Listener(String username, Optional<String> organisation, Set<String> roles, SseEventSink sink, Sse sse) {

        boolean hears(Recipient recipient) {
            return switch (recipient.type()) {
                case USER -> recipient.id().equals(username);
                case ORGANISATION -> organisation.map(recipient.id()::equals).orElse(false) && roles.contains(recipient.role());
            };
        }
    }

    private final Set<Listener> listeners = ConcurrentHashMap.newKeySet();

    /**
     * @param roles the caller's roles an organisation's notices may be addressed to ({@link Inbox#organisationRoles})
     */
    public void open(String username, Optional<String> organisation, Set<String> roles, SseEventSink sink, Sse sse) {
        Listener listener = new Listener(username, organisation, Set.copyOf(roles), sink, sse);
        listeners.add(listener);
        // a first comment sends the headers, so the client knows it is listening
        send(listener, sse.newEventBuilder().comment("listening").build());
    }

    void onPlaced(@Observes(during = TransactionPhase.AFTER_SUCCESS) NotificationPlaced placed) {
        for (Listener listener : listeners) {
            if (listener.hears(placed.recipient())) {
                send(listener, listener.sse().newEventBuilder().name("notification").id(placed.view().id().toString())
                        .mediaType(MediaType.APPLICATION_JSON_TYPE).data(NotificationView.class, placed.view()).build());
            }
        }
    }

    /** Keeps idle streams open through proxies, and finds the ones whose clients have gone. */
    @Scheduled(every = "${linkwork.inbox.stream-heartbeat}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void heartbeat() {
        for (Listener listener : listeners) {
            send(listener, listener.sse().newEventBuilder().comment("still here").build());
        }
    }

    int open() {
        return listeners.size();
    }

    private void send(Listener listener, OutboundSseEvent event) {
        if (listener.sink().isClosed()) {
            listeners.remove(listener);
            return;
        }
        listener.sink().send(event).whenComplete((ok, failure) -> {
            if (failure != null) {
                listeners.remove(listener);
                listener.sink().close();
            }
        });
    }
}
