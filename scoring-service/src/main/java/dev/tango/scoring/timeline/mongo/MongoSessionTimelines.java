package dev.tango.scoring.timeline.mongo;

import dev.tango.events.SessionId;
import dev.tango.scoring.timeline.SessionTimeline;
import dev.tango.scoring.timeline.SessionTimelines;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Timelines by {@code _id}, saved with optimistic locking on {@code version}. */
@Repository
class MongoSessionTimelines implements SessionTimelines {

    private final SessionTimelineRepository documents;

    MongoSessionTimelines(SessionTimelineRepository documents) {
        this.documents = documents;
    }

    @Override
    public Mono<SessionTimeline> find(SessionId sessionId) {
        return documents.findById(sessionId.value()).map(SessionTimelineDocument::toTimeline);
    }

    @Override
    public Mono<SessionTimeline> save(SessionTimeline timeline) {
        return documents.save(SessionTimelineDocument.of(timeline)).map(SessionTimelineDocument::toTimeline);
    }
}
