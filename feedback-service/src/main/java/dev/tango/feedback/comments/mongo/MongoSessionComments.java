package dev.tango.feedback.comments.mongo;

import dev.tango.events.SessionId;
import dev.tango.feedback.comments.SessionComments;
import dev.tango.feedback.comments.SessionCommentsStore;
import java.util.Collection;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Comments by {@code _id} (the session id), saved with optimistic locking on {@code version}. */
@Repository
class MongoSessionComments implements SessionCommentsStore {

    private final SessionCommentsRepository documents;

    MongoSessionComments(SessionCommentsRepository documents) {
        this.documents = documents;
    }

    @Override
    public Mono<SessionComments> find(SessionId sessionId) {
        return documents.findById(sessionId.value()).map(SessionCommentsDocument::toComments);
    }

    @Override
    public Flux<SessionComments> findAll(Collection<SessionId> sessionIds) {
        return documents
                .findAllById(sessionIds.stream().map(SessionId::value).toList())
                .map(SessionCommentsDocument::toComments);
    }

    @Override
    public Mono<SessionComments> save(SessionComments comments) {
        return documents.save(SessionCommentsDocument.of(comments)).map(SessionCommentsDocument::toComments);
    }
}
