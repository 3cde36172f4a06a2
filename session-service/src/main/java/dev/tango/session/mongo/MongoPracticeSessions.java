package dev.tango.session.mongo;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import dev.tango.events.ProgramId;
import dev.tango.events.SessionId;
import dev.tango.events.session.TranscriptSegment;
import dev.tango.session.PracticeSession;
import dev.tango.session.PracticeSessions;
import dev.tango.session.SessionPage;
import dev.tango.session.SessionQuery;
import dev.tango.session.SessionScope;
import dev.tango.session.SessionStatus;
import dev.tango.support.outbox.Outbox;
import dev.tango.support.outbox.OutboxEntry;
import dev.tango.support.outbox.OutboxRelay;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Sessions in MongoDB, looked up by {@code _id}; lists query by program, student, mentor and status (indexes in
 * {@link SessionIndexes}; on the embedded server those queries scan the collection). A change is one conditional update of the session's document:
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
        Query byId = Query.query(where("_id").is(id.value()));
        byId.fields().exclude(SessionDocument.TRANSCRIPT);
        return mongo.findOne(byId, SessionDocument.class).map(SessionDocument::toSession);
    }

    @Override
    public Mono<List<TranscriptSegment>> transcript(SessionId id) {
        Query byId = Query.query(where("_id").is(id.value()));
        byId.fields().include(SessionDocument.TRANSCRIPT);
        return mongo.findOne(byId, Document.class, COLLECTION)
                .map(found -> found.getList(SessionDocument.TRANSCRIPT, Document.class, List.of()).stream()
                        .map(segment -> mongo.getConverter().read(TranscriptSegment.class, segment))
                        .toList())
                .defaultIfEmpty(List.of());
    }

    @Override
    public Mono<SessionPage> search(SessionQuery query, SessionScope scope) {
        Criteria matching = matching(query, scope);
        Query page = Query.query(matching)
                .with(Sort.by(Sort.Order.desc("scheduledFor"), Sort.Order.asc("_id")))
                .skip(query.offset())
                .limit(query.size());
        page.fields().exclude(Outbox.FIELD).exclude(SessionDocument.TRANSCRIPT);
        return Mono.zip(
                        mongo.find(page, SessionDocument.class)
                                .map(SessionDocument::toSession)
                                .collectList(),
                        mongo.count(Query.query(matching), SessionDocument.class))
                .map(found -> new SessionPage(found.getT1(), query.page(), query.size(), found.getT2()));
    }

    // The filters asked for, all of them, and the caller's scope, any part of it.
    private static Criteria matching(SessionQuery query, SessionScope scope) {
        List<Criteria> all = new ArrayList<>();
        if (query.programId() != null) {
            all.add(where("programId").is(query.programId().value()));
        }
        if (query.studentId() != null) {
            all.add(where("studentId").is(query.studentId().value()));
        }
        if (query.mentorId() != null) {
            all.add(where("mentorIds").is(query.mentorId().value()));
        }
        if (query.status() != null) {
            all.add(where("status").is(query.status().name()));
        }
        List<Criteria> visible = new ArrayList<>();
        if (scope.student() != null) {
            visible.add(where("studentId").is(scope.student().value()));
        }
        if (scope.mentor() != null) {
            visible.add(where("mentorIds").is(scope.mentor().value()));
        }
        if (!scope.programs().isEmpty()) {
            visible.add(where("programId")
                    .in(scope.programs().stream().map(ProgramId::value).sorted().toList()));
        }
        if (visible.isEmpty()) {
            throw new IllegalArgumentException("An empty scope sees nothing; do not query for it");
        }
        all.add(visible.size() == 1 ? visible.get(0) : new Criteria().orOperator(visible));
        return all.size() == 1 ? all.get(0) : new Criteria().andOperator(all);
    }

    @Override
    public Mono<Map<SessionStatus, Long>> countByStatus() {
        return Flux.fromArray(SessionStatus.values())
                .concatMap(status -> mongo.count(Query.query(where("status").is(status.name())), COLLECTION)
                        .map(count -> Map.entry(status, count)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, () -> new EnumMap<>(SessionStatus.class));
    }

    @Override
    public Mono<PracticeSession> insert(PracticeSession session) {
        return relay.afterWriteOf(COLLECTION, session.id().value(), mongo.insert(SessionDocument.of(session)))
                .map(SessionDocument::toSession);
    }

    @Override
    public Mono<PracticeSession> update(PracticeSession session) {
        PracticeSession.Snapshot state = session.snapshot();
        Query loaded =
                Query.query(where("_id").is(state.id().value()).and("version").is(state.version()));
        loaded.fields().exclude(SessionDocument.TRANSCRIPT);
        Update change = new Update()
                .set("status", state.status())
                .set("currentPhase", state.currentPhase())
                .set("phases", state.phases())
                .set("startedAt", state.startedAt())
                .set("endedAt", state.endedAt())
                .set("cancelledAt", state.cancelledAt())
                .set("cancelReason", state.cancelReason())
                .set("lastSequence", state.lastSequence())
                .set("recentRequests", state.recentRequests())
                .set("transcriptSummary", state.transcript())
                .inc("version", 1);
        if (!session.pendingSegments().isEmpty()) {
            change.push(SessionDocument.TRANSCRIPT)
                    .each(session.pendingSegments().toArray());
        }
        Outbox.append(change, OutboxEntry.of(session.pendingEvents()));
        return relay.afterWriteOf(
                        COLLECTION,
                        state.id().value(),
                        mongo.findAndModify(
                                loaded, change, FindAndModifyOptions.options().returnNew(true), SessionDocument.class))
                .switchIfEmpty(Mono.error(() -> new OptimisticLockingFailureException(
                        "Session " + state.id() + " was changed since version " + state.version())))
                .map(SessionDocument::toSession);
    }
}
