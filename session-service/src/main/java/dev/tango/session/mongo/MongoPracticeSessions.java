package dev.tango.session.mongo;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import dev.tango.events.SessionId;
import dev.tango.session.PracticeSession;
import dev.tango.session.PracticeSessions;
import dev.tango.support.outbox.Outbox;
import dev.tango.support.outbox.OutboxEntry;
import dev.tango.support.outbox.OutboxRelay;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * Sessions in MongoDB, looked up by {@code _id} only. A change is one conditional update of the session's document:
 * it sets the new state, appends the new events to the outbox with {@code $push} and increments the version, only if
 * the version is still the one that was loaded. Appending (rather than replacing the document) keeps the relay's
 * removals of published entries. After each write the relay publishes the outbox in the background.
 */
@Repository
class MongoPracticeSessions implements PracticeSessions {

    static final String COLLECTION = "sessions";

    private final ReactiveMongoOperations mongo;
    private final OutboxRelay relay;

    MongoPracticeSessions(ReactiveMongoOperations mongo, OutboxRelay relay) {
        this.mongo = mongo;
        this.relay = relay;
    }

    @Override
    public Mono<PracticeSession> findById(SessionId id) {
        return mongo.findById(id.value(), SessionDocument.class).map(SessionDocument::toSession);
    }

    @Override
    public Mono<PracticeSession> insert(PracticeSession session) {
        return mongo.insert(SessionDocument.of(session))
                .doOnSuccess(stored -> relay.afterWrite(COLLECTION, stored.id()))
                .map(SessionDocument::toSession);
    }

    @Override
    public Mono<PracticeSession> update(PracticeSession session) {
        PracticeSession.Snapshot state = session.snapshot();
        Query loaded =
                Query.query(where("_id").is(state.id().value()).and("version").is(state.version()));
        Update change = new Update()
                .set("status", state.status())
                .set("currentPhase", state.currentPhase())
                .set("phases", state.phases())
                .set("startedAt", state.startedAt())
                .set("endedAt", state.endedAt())
                .set("cancelledAt", state.cancelledAt())
                .set("cancelReason", state.cancelReason())
                .set("lastSequence", state.lastSequence())
                .inc("version", 1);
        Outbox.append(change, OutboxEntry.of(session.pendingEvents()));
        return mongo.findAndModify(
                        loaded, change, FindAndModifyOptions.options().returnNew(true), SessionDocument.class)
                .switchIfEmpty(Mono.error(() -> new OptimisticLockingFailureException(
                        "Session " + state.id() + " was changed since version " + state.version())))
                .doOnSuccess(stored -> relay.afterWrite(COLLECTION, stored.id()))
                .map(SessionDocument::toSession);
    }
}
