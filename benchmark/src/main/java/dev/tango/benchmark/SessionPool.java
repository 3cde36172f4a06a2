package dev.tango.benchmark;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/** Running sessions waiting for their next phase move; a move takes one, and gives it back once it is reflected. */
final class SessionPool {

    private final Deque<SimSession> idle = new ArrayDeque<>();
    private final Deque<MonoSink<SimSession>> waiting = new ArrayDeque<>();

    SessionPool(Collection<SimSession> sessions) {
        idle.addAll(sessions);
    }

    /**
     * The next idle session, once there is one. A session handed to a take that was cancelled meanwhile (an
     * unsustained fixed rate gives up on its waiting moves) is discarded by Reactor and comes back here.
     */
    Mono<SimSession> take() {
        return Mono.<SimSession>create(sink -> {
                    SimSession session;
                    synchronized (this) {
                        session = idle.pollFirst();
                        if (session == null) {
                            waiting.addLast(sink);
                            // A move cancelled while it waits (an unsustained fixed rate) leaves the queue.
                            sink.onCancel(() -> {
                                synchronized (this) {
                                    waiting.remove(sink);
                                }
                            });
                            return;
                        }
                    }
                    sink.success(session);
                })
                .doOnDiscard(SimSession.class, this::giveBack);
    }

    /** Sessions idle now: all of them between parts, unless a move lost its session. */
    synchronized int idle() {
        return idle.size();
    }

    void giveBack(SimSession session) {
        MonoSink<SimSession> next;
        synchronized (this) {
            next = waiting.pollFirst();
            if (next == null) {
                idle.addLast(session);
                return;
            }
        }
        next.success(session);
    }
}
