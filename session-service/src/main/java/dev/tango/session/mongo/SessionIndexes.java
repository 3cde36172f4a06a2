package dev.tango.session.mongo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Declares the indexes behind the session lists: each list filters by program, student or mentor and sorts by
 * scheduled time. Real MongoDB uses them; the embedded server accepts and ignores them (its lists are full scans).
 * Declared in the background at startup: a failure is logged and the service still answers, only slower.
 */
@Component
class SessionIndexes {

    private static final Logger log = LoggerFactory.getLogger(SessionIndexes.class);

    private final ReactiveMongoOperations mongo;

    SessionIndexes(ReactiveMongoOperations mongo) {
        this.mongo = mongo;
    }

    @EventListener(ApplicationReadyEvent.class)
    void declare() {
        Flux.just("programId", "studentId", "mentorIds")
                .concatMap(field -> mongo.indexOps(MongoPracticeSessions.COLLECTION)
                        .createIndex(new Index()
                                .on(field, Sort.Direction.ASC)
                                .on("scheduledFor", Sort.Direction.DESC)
                                .named("sessions_by_" + field)))
                .subscribe(
                        name -> log.debug("Declared index {}", name),
                        e -> log.warn("Could not declare the session list indexes: {}", e.toString()));
    }
}
