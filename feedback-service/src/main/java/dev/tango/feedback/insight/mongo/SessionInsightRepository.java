package dev.tango.feedback.insight.mongo;

import org.springframework.data.repository.reactive.ReactiveCrudRepository;
import reactor.core.publisher.Flux;

interface SessionInsightRepository extends ReactiveCrudRepository<SessionInsightDocument, String> {

    Flux<SessionInsightDocument> findByStudentId(String studentId);

    Flux<SessionInsightDocument> findByProgramId(String programId);
}
