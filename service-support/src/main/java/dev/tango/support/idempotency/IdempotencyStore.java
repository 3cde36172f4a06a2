package dev.tango.support.idempotency;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.tango.support.idempotency.IdempotencyRecord.State;
import java.time.Duration;
import java.time.Instant;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;

/**
 * The records of {@link IdempotencyRecord}, with plain single-document inserts, conditional updates and deletes only:
 * no transactions, and no reliance on a TTL index.
 */
public class IdempotencyStore {

    private static final String ID = "_id";

    private final ReactiveMongoOperations mongo;

    public IdempotencyStore(ReactiveMongoOperations mongo) {
        this.mongo = mongo;
    }

    /** Claims the key; fails with {@link org.springframework.dao.DuplicateKeyException} if a record holds it. */
    public Mono<IdempotencyRecord> claim(IdempotencyRecord pending) {
        return mongo.insert(pending, IdempotencyRecord.COLLECTION);
    }

    public Mono<IdempotencyRecord> find(String id) {
        return mongo.findById(id, IdempotencyRecord.class, IdempotencyRecord.COLLECTION);
    }

    /** Replaces {@code old} by {@code pending}, unless another request changed or took it first. */
    public Mono<Boolean> takeOver(IdempotencyRecord old, IdempotencyRecord pending) {
        Update update = new Update()
                .set("caller", pending.caller())
                .set("method", pending.method())
                .set("path", pending.path())
                .set("fingerprint", pending.fingerprint())
                .set("state", State.PENDING)
                .set("claim", pending.claim())
                .set("createdAt", pending.createdAt())
                .set("expiresAt", pending.expiresAt())
                .unset("status")
                .unset("contentType")
                .unset("location")
                .unset("body");
        return mongo.updateFirst(
                        query(where(ID)
                                .is(old.id())
                                .and("state")
                                .is(old.state())
                                .and("claim")
                                .is(old.claim())
                                .and("createdAt")
                                .is(old.createdAt())),
                        update,
                        IdempotencyRecord.class,
                        IdempotencyRecord.COLLECTION)
                .map(result -> result.getModifiedCount() == 1);
    }

    /** Stores the response to replay; false if the claim was lost meanwhile (taken over as stale). */
    public Mono<Boolean> complete(
            IdempotencyRecord claimed, int status, String contentType, String location, String body) {
        Update update = new Update()
                .set("state", State.COMPLETED)
                .set("status", status)
                .set("contentType", contentType)
                .set("location", location)
                .set("body", body);
        return mongo.updateFirst(held(claimed), update, IdempotencyRecord.class, IdempotencyRecord.COLLECTION)
                .map(result -> result.getModifiedCount() == 1);
    }

    /** Gives the key up: the request did not succeed, and the caller may retry with it. */
    public Mono<Void> release(IdempotencyRecord claimed) {
        return mongo.remove(held(claimed), IdempotencyRecord.class, IdempotencyRecord.COLLECTION)
                .then();
    }

    /** Removes the records expired before {@code now}; returns how many. */
    public Mono<Long> removeExpired(Instant now) {
        return mongo.remove(query(where("expiresAt").lt(now)), IdempotencyRecord.class, IdempotencyRecord.COLLECTION)
                .map(result -> result.getDeletedCount());
    }

    /**
     * Lets real MongoDB remove expired records on its own and the sweep find them by index. A nicety: expired records
     * are ignored when found, and swept, without it.
     */
    public Mono<String> declareExpiryIndex() {
        return mongo.indexOps(IdempotencyRecord.COLLECTION)
                .createIndex(new Index()
                        .on("expiresAt", Sort.Direction.ASC)
                        .expire(Duration.ZERO)
                        .named("idempotency_expiry"));
    }

    private static org.springframework.data.mongodb.core.query.Query held(IdempotencyRecord claimed) {
        return query(where(ID)
                .is(claimed.id())
                .and("state")
                .is(State.PENDING)
                .and("claim")
                .is(claimed.claim()));
    }
}
