package dev.tango.feedback.selfassessment.mongo;

import org.springframework.data.repository.reactive.ReactiveCrudRepository;

interface SelfAssessmentRepository extends ReactiveCrudRepository<SelfAssessmentDocument, String> {}
