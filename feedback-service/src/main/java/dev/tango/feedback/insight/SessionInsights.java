package dev.tango.feedback.insight;

import dev.tango.events.ProgramId;
import dev.tango.events.SessionId;
import dev.tango.events.UserId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Where session insights are kept, one per session. Saving is conditional on the version read (an
 * {@link org.springframework.dao.OptimisticLockingFailureException}, or a
 * {@link org.springframework.dao.DuplicateKeyException} when two first saves race).
 */
public interface SessionInsights {

    Mono<SessionInsight> find(SessionId sessionId);

    Mono<SessionInsight> save(SessionInsight insight);

    /**
     * Lists the insight's session under its student, whom it names, so that {@link #ofStudent} finds it. Called once
     * per session, before the first save of the insight that names the student; doing it again changes nothing.
     */
    Mono<Void> listUnderStudent(SessionInsight insight);

    /**
     * A student's sessions: the ids listed under the student (one read by {@code _id}), then their insights (one query
     * by {@code _id}). Neither grows with the number of stored sessions, only with the student's own.
     */
    Flux<SessionInsight> ofStudent(UserId studentId);

    /** A program's sessions; a scan on the embedded server, an index on MongoDB. */
    Flux<SessionInsight> ofProgram(ProgramId programId);

    /**
     * Time per phase over a program's ended sessions, reading only that field of each (not whole insights with their
     * transcripts and observations).
     */
    Mono<PhaseTimeTotals> phaseTimesOfProgram(ProgramId programId);
}
