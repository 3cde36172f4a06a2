package dev.tango.scoring.timeline.mongo;

import dev.tango.events.SessionId;
import org.springframework.data.repository.reactive.ReactiveCrudRepository;

interface SessionTimelineRepository extends ReactiveCrudRepository<SessionTimelineDocument, SessionId> {}
