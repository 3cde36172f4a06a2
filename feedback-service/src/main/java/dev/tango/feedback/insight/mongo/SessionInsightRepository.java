package dev.tango.feedback.insight.mongo;

import dev.tango.events.Phase;
import java.util.Map;
import org.springframework.data.mongodb.repository.Query;
import org.springframework.data.repository.reactive.ReactiveCrudRepository;
import reactor.core.publisher.Flux;

interface SessionInsightRepository extends ReactiveCrudRepository<SessionInsightDocument, String> {

    Flux<SessionInsightDocument> findByProgramId(String programId);

    /** Only the time per phase of a program's ended sessions. */
    @Query(value = "{'programId': ?0, 'status': 'ENDED'}", fields = "{'timeInPhaseMs': 1}")
    Flux<PhaseTimes> findEndedPhaseTimesByProgramId(String programId);

    /** The one field {@link #findEndedPhaseTimesByProgramId} reads. */
    record PhaseTimes(Map<Phase, Long> timeInPhaseMs) {}
}
