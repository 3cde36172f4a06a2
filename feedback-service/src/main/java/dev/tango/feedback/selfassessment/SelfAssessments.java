package dev.tango.feedback.selfassessment;

import dev.tango.events.SessionId;
import reactor.core.publisher.Mono;

/** Where self-assessments are kept, one per session; saving is conditional on the version read. */
public interface SelfAssessments {

    Mono<SelfAssessment> find(SessionId sessionId);

    Mono<SelfAssessment> save(SelfAssessment assessment);
}
