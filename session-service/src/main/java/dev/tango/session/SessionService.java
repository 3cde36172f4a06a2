package dev.tango.session;

import dev.tango.events.EventEnvelope;
import dev.tango.events.Phase;
import dev.tango.events.SessionId;
import dev.tango.events.session.SessionEvent;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The use cases of sessions: load, apply one intention with the server's clock, store the change with its events.
 * A broken rule fails the returned {@link Mono} before anything is stored.
 */
@Service
public class SessionService {

    private final PracticeSessions sessions;
    private final Clock clock;
    private final SessionMetrics metrics;

    public SessionService(PracticeSessions sessions, Clock clock, SessionMetrics metrics) {
        this.sessions = sessions;
        this.clock = clock;
        this.metrics = metrics;
    }

    public Mono<PracticeSession> schedule(ScheduleSession command) {
        return Mono.fromCallable(() -> PracticeSession.schedule(
                        SessionId.newId(),
                        command.programId(),
                        command.studentId(),
                        command.mentorIds(),
                        command.mode(),
                        command.scheduledFor(),
                        clock.instant()))
                .flatMap(session -> store(session, sessions.insert(session)));
    }

    public Mono<PracticeSession> find(SessionId id) {
        return sessions.findById(id).switchIfEmpty(Mono.error(() -> new SessionNotFoundException(id)));
    }

    public Mono<PracticeSession> start(SessionId id) {
        return change(id, session -> session.start(clock.instant()));
    }

    public Mono<PracticeSession> enterPhase(SessionId id, Phase phase, Long offsetMs) {
        return change(id, session -> session.enterPhase(phase, offsetMs, clock.instant()));
    }

    public Mono<PracticeSession> end(SessionId id) {
        return change(id, session -> session.end(clock.instant()));
    }

    public Mono<PracticeSession> cancel(SessionId id, String reason) {
        return change(id, session -> session.cancel(reason, clock.instant()));
    }

    private Mono<PracticeSession> change(SessionId id, Consumer<PracticeSession> intention) {
        return find(id).flatMap(session -> {
            intention.accept(session);
            return store(session, sessions.update(session));
        });
    }

    private Mono<PracticeSession> store(PracticeSession changed, Mono<PracticeSession> write) {
        List<EventEnvelope<SessionEvent>> events = changed.pendingEvents();
        return write.doOnSuccess(stored -> metrics.stored(events));
    }
}
