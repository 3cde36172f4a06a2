package dev.tango.scoring.scorecard.mongo;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import dev.tango.events.SessionId;
import dev.tango.scoring.scorecard.SessionScoring;
import dev.tango.scoring.scorecard.SessionScorings;
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
 * One document per session, by {@code _id}. The first save inserts it; later ones are a conditional update on the
 * version read that sets the state and appends the new events to the outbox (keeping the relay's removals of published
 * entries). After each write, however it ended, the relay publishes the outbox in the background.
 */
@Repository
class MongoSessionScorings implements SessionScorings {

    static final String COLLECTION = "session_scoring";

    private final ReactiveMongoOperations mongo;
    private final OutboxRelay relay;

    MongoSessionScorings(ReactiveMongoOperations mongo, OutboxRelay relay) {
        this.mongo = mongo;
        this.relay = relay;
    }

    @Override
    public Mono<SessionScoring> find(SessionId sessionId) {
        Query byId = Query.query(where("_id").is(sessionId.value()));
        byId.fields().exclude(Outbox.FIELD);
        return mongo.findOne(byId, SessionScoringDocument.class)
                .map(SessionScoringDocument::toScoring)
                .defaultIfEmpty(SessionScoring.fresh(sessionId));
    }

    @Override
    public Mono<SessionScoring> save(SessionScoring scoring) {
        SessionScoring.Snapshot state = scoring.snapshot();
        if (state.version() == null) {
            return relay.afterWriteOf(
                            COLLECTION, state.sessionId().value(), mongo.insert(SessionScoringDocument.of(scoring)))
                    .map(SessionScoringDocument::toScoring);
        }
        Query loaded = Query.query(
                where("_id").is(state.sessionId().value()).and("version").is(state.version()));
        loaded.fields().exclude(Outbox.FIELD);
        Update change = new Update()
                .set("rubric", state.rubric())
                .set("observations", state.observations())
                .set("published", SessionScoringDocument.json(state.published()))
                .set("lastSequence", state.lastSequence())
                .set("publications", state.publications())
                .inc("version", 1);
        Outbox.append(change, OutboxEntry.of(scoring.pendingEvents()));
        return relay.afterWriteOf(
                        COLLECTION,
                        state.sessionId().value(),
                        mongo.findAndModify(
                                loaded,
                                change,
                                FindAndModifyOptions.options().returnNew(true),
                                SessionScoringDocument.class))
                .switchIfEmpty(Mono.error(() -> new OptimisticLockingFailureException(
                        "The scoring of session " + state.sessionId() + " changed since version " + state.version())))
                .map(SessionScoringDocument::toScoring);
    }
}
