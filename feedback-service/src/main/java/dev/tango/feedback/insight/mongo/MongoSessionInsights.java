package dev.tango.feedback.insight.mongo;

import dev.tango.events.ProgramId;
import dev.tango.events.SessionId;
import dev.tango.events.UserId;
import dev.tango.feedback.insight.PhaseTimeTotals;
import dev.tango.feedback.insight.SessionInsight;
import dev.tango.feedback.insight.SessionInsights;
import dev.tango.feedback.rebuild.ProjectionStore;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Session insights by {@code _id} (the session id), saved with optimistic locking on {@code version}. */
@Repository
class MongoSessionInsights implements SessionInsights, ProjectionStore {

    private final SessionInsightRepository documents;
    private final StudentInsightIds studentSessions;

    MongoSessionInsights(SessionInsightRepository documents, StudentInsightIds studentSessions) {
        this.documents = documents;
        this.studentSessions = studentSessions;
    }

    @Override
    public Mono<SessionInsight> find(SessionId sessionId) {
        return documents.findById(sessionId.value()).map(SessionInsightDocument::toInsight);
    }

    @Override
    public Mono<SessionInsight> save(SessionInsight insight) {
        return documents.save(SessionInsightDocument.of(insight)).map(SessionInsightDocument::toInsight);
    }

    @Override
    public Mono<Void> listUnderStudent(SessionInsight insight) {
        return studentSessions.add(
                insight.studentId().value(), insight.sessionId().value());
    }

    @Override
    public Flux<SessionInsight> ofStudent(UserId studentId) {
        return studentSessions
                .of(studentId.value())
                .flatMapMany(ids -> ids.isEmpty() ? Flux.empty() : documents.findAllById(ids))
                .filter(document -> studentId.value().equals(document.studentId()))
                .map(SessionInsightDocument::toInsight);
    }

    @Override
    public Flux<SessionInsight> ofProgram(ProgramId programId) {
        return documents.findByProgramId(programId.value()).map(SessionInsightDocument::toInsight);
    }

    @Override
    public Mono<PhaseTimeTotals> phaseTimesOfProgram(ProgramId programId) {
        return documents
                .findEndedPhaseTimesByProgramId(programId.value())
                .reduce(PhaseTimeTotals.NONE, (totals, ended) -> totals.plusEnded(ended.timeInPhaseMs()));
    }

    @Override
    public String name() {
        return "session_insights";
    }

    @Override
    public Mono<Long> reset() {
        return documents.count().flatMap(count -> documents.deleteAll().thenReturn(count));
    }
}
