package dev.tango.feedback.selfassessment.mongo;

import dev.tango.events.SessionId;
import dev.tango.feedback.selfassessment.SelfAssessment;
import dev.tango.feedback.selfassessment.SelfAssessments;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Self-assessments by {@code _id} (the session id), saved with optimistic locking on {@code version}. */
@Repository
class MongoSelfAssessments implements SelfAssessments {

    private final SelfAssessmentRepository documents;

    MongoSelfAssessments(SelfAssessmentRepository documents) {
        this.documents = documents;
    }

    @Override
    public Mono<SelfAssessment> find(SessionId sessionId) {
        return documents.findById(sessionId.value()).map(SelfAssessmentDocument::toAssessment);
    }

    @Override
    public Mono<SelfAssessment> save(SelfAssessment assessment) {
        return documents.save(SelfAssessmentDocument.of(assessment)).map(SelfAssessmentDocument::toAssessment);
    }
}
