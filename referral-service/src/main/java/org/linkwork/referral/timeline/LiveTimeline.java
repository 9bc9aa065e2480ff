package org.linkwork.referral.timeline;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.ArrayList;
import java.util.List;

/**
 * One open live stream of a referral's timeline. Entries heard while the history is still being
 * read are held back, then sent in order after it, each exactly once (by {@code seq}).
 */
final class LiveTimeline {

    private final SseEventSink sink;
    private final Sse sse;
    private final List<TimelineEntry> heldBack = new ArrayList<>();
    private long lastSent;
    private boolean replayed;
    private Runnable onClose = () -> { };

    LiveTimeline(SseEventSink sink, Sse sse, long lastSent) {
        this.sink = sink;
        this.sse = sse;
        this.lastSent = lastSent;
    }

    void onClose(Runnable action) {
        this.onClose = action;
    }

    synchronized void offer(TimelineEntry entry) {
        if (!replayed) {
            heldBack.add(entry);
        } else {
            send(entry);
        }
    }

    synchronized void replay(List<TimelineEntry> history) {
        history.forEach(this::send);
        heldBack.stream().sorted(java.util.Comparator.comparingLong(TimelineEntry::seq)).forEach(this::send);
        heldBack.clear();
        replayed = true;
    }

    synchronized void keepAlive() {
        if (sink.isClosed()) {
            close();
            return;
        }
        sink.send(sse.newEventBuilder().comment("keep-alive").build()).whenComplete((ok, failure) -> {
            if (failure != null) {
                close();
            }
        });
    }

    boolean closed() {
        return sink.isClosed();
    }

    private void send(TimelineEntry entry) {
        if (entry.seq() <= lastSent) {
            return;
        }
        if (sink.isClosed()) {
            close();
            return;
        }
        lastSent = entry.seq();
        OutboundSseEvent event = sse.newEventBuilder().id(Long.toString(entry.seq())).name(entry.kind())
                .mediaType(MediaType.APPLICATION_JSON_TYPE).data(TimelineEntry.class, entry).build();
        sink.send(event).whenComplete((ok, failure) -> {
            if (failure != null) {
                close();
            }
        });
    }

    void close() {
        onClose.run();
        try {
            sink.close();
        } catch (RuntimeException ignored) {
            // already gone: the client left
        }
    }
}
