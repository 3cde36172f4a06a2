package dev.tango.feedback.insight.mongo;

import dev.tango.feedback.rebuild.ProjectionStore;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * The sessions of each student that have an insight: one document per student ({@code _id} the student id,
 * {@code sessionIds}), written once per session. A student's insights are then read by {@code _id}: on the embedded
 * server a query by {@code studentId} scans every stored insight, whatever the student's own history.
 */
@Repository
class StudentInsightIds implements ProjectionStore {

    static final String COLLECTION = "student_insights";
    private static final String SESSION_IDS = "sessionIds";

    private final ReactiveMongoTemplate mongo;

    StudentInsightIds(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Adds the session to the student's list (an upsert with $addToSet: doing it again changes nothing). */
    Mono<Void> add(String studentId, String sessionId) {
        return mongo.upsert(byStudent(studentId), new Update().addToSet(SESSION_IDS, sessionId), COLLECTION)
                .then();
    }

    /** The student's session ids; empty if none is listed. */
    Mono<List<String>> of(String studentId) {
        Query query = byStudent(studentId);
        query.fields().include(SESSION_IDS);
        return mongo.findOne(query, Document.class, COLLECTION)
                .map(document -> document.getList(SESSION_IDS, String.class, List.of()))
                .defaultIfEmpty(List.of());
    }

    @Override
    public String name() {
        return COLLECTION;
    }

    @Override
    public Mono<Long> reset() {
        return mongo.remove(new Query(), COLLECTION).map(result -> result.getDeletedCount());
    }

    private static Query byStudent(String studentId) {
        return Query.query(Criteria.where("_id").is(studentId));
    }
}
