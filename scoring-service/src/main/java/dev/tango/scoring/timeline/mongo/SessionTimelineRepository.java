package dev.tango.scoring.timeline.mongo;

import org.springframework.data.repository.reactive.ReactiveCrudRepository;

interface SessionTimelineRepository extends ReactiveCrudRepository<SessionTimelineDocument, String> {}
