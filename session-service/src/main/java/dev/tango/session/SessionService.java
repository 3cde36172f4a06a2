package dev.tango.session;

import dev.tango.events.EventEnvelope;
import dev.tango.events.Phase;
import dev.tango.events.SessionId;
import dev.tango.events.session.SessionEvent;
import dev.tango.events.session.TranscriptAppended;
import dev.tango.events.session.TranscriptSegment;
import dev.tango.support.idempotency.IdempotentIds;
import dev.tango.support.security.Caller;
import java.time.Clock;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The use cases of sessions: load, check that the caller may do it ({@link SessionAccess}), apply one intention with
 * the server's clock, store the change with its events. A broken rule or a refusal fails the returned {@link Mono}
 * before anything is stored; a session the caller may not see fails as not found.
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

    public Mono<PracticeSession> schedule(ScheduleSession command, Caller caller) {
        if (!SessionAccess.maySchedule(caller, command.programId())) {
            return Mono.error(new SessionAccessDeniedException(
                    "Only an admin of program " + command.programId() + " may schedule its sessions."));
        }
        // Derived from the caller and the request's Idempotency-Key, if it has one: a request run again after its key
        // was taken over finds the session its first run scheduled and answers it.
        return IdempotentIds.derive("session", () -> SessionId.newId().value())
                .map(SessionId::of)
                .flatMap(id -> Mono.fromCallable(() -> PracticeSession.schedule(
                                id,
                                command.programId(),
                                command.studentId(),
                                command.mentorIds(),
                                command.mode(),
                                command.scheduledFor(),
                                command.clientLabel(),
                                command.goal(),
                                clock.instant()))
                        .flatMap(session -> store(session, sessions.insert(session)))
                        .onErrorResume(
                                DuplicateKeyException.class,
                                scheduled -> sessions.findById(id).switchIfEmpty(Mono.error(scheduled))));
    }

    public Mono<PracticeSession> find(SessionId id, Caller caller) {
        return sessions.findById(id)
                .filter(session -> SessionAccess.maySee(caller, session))
                .switchIfEmpty(Mono.error(() -> new SessionNotFoundException(id)));
    }

    /** The sessions the caller may see that match the query; a caller who may see none gets an empty page. */
    public Mono<SessionPage> list(SessionQuery query, Caller caller) {
        SessionScope scope = SessionAccess.scopeOf(caller);
        return scope.isEmpty() ? Mono.just(SessionPage.empty(query)) : sessions.search(query, scope);
    }

    public Mono<PracticeSession> start(SessionId id, Caller caller) {
        return change(id, caller, SessionAccess::mayRun, "start", session -> session.start(clock.instant()));
    }

    public Mono<PracticeSession> enterPhase(SessionId id, Phase phase, Long offsetMs, Caller caller) {
        return change(
                id,
                caller,
                SessionAccess::mayRun,
                "move",
                session -> session.enterPhase(phase, offsetMs, clock.instant()));
    }

    public Mono<PracticeSession> end(SessionId id, Caller caller) {
        return change(id, caller, SessionAccess::mayRun, "end", session -> session.end(clock.instant()));
    }

    public Mono<PracticeSession> cancel(SessionId id, String reason, Caller caller) {
        return change(
                id, caller, SessionAccess::mayCancel, "cancel", session -> session.cancel(reason, clock.instant()));
    }

    /** The transcript of a session the caller may see, in order. */
    public Mono<List<TranscriptSegment>> transcript(SessionId id, Caller caller) {
        return find(id, caller).flatMap(session -> sessions.transcript(id));
    }

    public Mono<PracticeSession> appendTranscript(SessionId id, List<SegmentDraft> segments, Caller caller) {
        return change(
                id,
                caller,
                SessionAccess::mayEditTranscript,
                "add to the transcript of",
                session -> session.appendTranscript(segments, TranscriptAppended.Origin.APPENDED, clock.instant()));
    }

    /**
     * Reads a whole transcript file into a session that has none yet. A file with unreadable lines is refused with all
     * of them listed, unless skipping them was asked for; a file with no readable line is always refused.
     */
    public Mono<ImportedTranscript> importTranscript(SessionId id, TranscriptImport file, Caller caller) {
        TranscriptParser.Result parsed = TranscriptParser.parse(file.text(), file.speakers());
        return change(id, caller, SessionAccess::mayEditTranscript, "import the transcript of", session -> {
                    session.requireTranscriptOpen();
                    if (session.transcript().segments() > 0) {
                        throw new TranscriptExistsException(
                                id, session.transcript().segments());
                    }
                    if (!parsed.errors().isEmpty() && !file.skipInvalidLines()) {
                        throw new TranscriptUnreadableException(
                                parsed.errors().size() + " line(s) of the transcript cannot be read; nothing was"
                                        + " imported. Correct them, or import again skipping them.",
                                parsed.errors());
                    }
                    if (parsed.segments().isEmpty()) {
                        throw new TranscriptUnreadableException(
                                "The transcript has no line that can be read; nothing was imported.", parsed.errors());
                    }
                    session.appendTranscript(parsed.segments(), TranscriptAppended.Origin.IMPORTED, clock.instant());
                })
                .map(stored -> new ImportedTranscript(stored, parsed.segments().size(), parsed.errors()));
    }

    private Mono<PracticeSession> change(
            SessionId id,
            Caller caller,
            BiPredicate<Caller, PracticeSession> allowed,
            String action,
            Consumer<PracticeSession> intention) {
        // Without an Idempotency-Key, no request id (""): nothing to remember.
        return IdempotentIds.derive("session-change", () -> "")
                .flatMap(requestId -> find(id, caller).flatMap(session -> {
                    if (!allowed.test(caller, session)) {
                        return Mono.error(new SessionAccessDeniedException(
                                "Your part in session " + id + " does not allow you to " + action + " it."));
                    }
                    if (!requestId.isEmpty() && session.changedBy(requestId)) {
                        // Run again after its key was taken over: the first run's change is stored; not again.
                        return Mono.just(session);
                    }
                    intention.accept(session);
                    if (!requestId.isEmpty()) {
                        session.rememberChangeBy(requestId);
                    }
                    return store(session, sessions.update(session));
                }));
    }

    private Mono<PracticeSession> store(PracticeSession changed, Mono<PracticeSession> write) {
        List<EventEnvelope<SessionEvent>> events = changed.pendingEvents();
        return write.doOnSuccess(stored -> metrics.stored(events));
    }
}
