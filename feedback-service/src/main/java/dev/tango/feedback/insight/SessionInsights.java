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

    /** A student's sessions; a scan on the embedded server, an index on MongoDB. */
    Flux<SessionInsight> ofStudent(UserId studentId);

    /** A program's sessions; a scan on the embedded server, an index on MongoDB. */
    Flux<SessionInsight> ofProgram(ProgramId programId);

    /**
     * Time per phase over a program's ended sessions, reading only that field of each (not whole insights with their
     * transcripts and observations).
     */
    Mono<PhaseTimeTotals> phaseTimesOfProgram(ProgramId programId);
}
