package dev.tango.embeddedmongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.AbstractMongoBackend;
import de.bwaldvogel.mongo.backend.AbstractMongoCollection;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Queries that name an {@code _id} and more fields ({@link IdFirst}): they find their document through the {@code _id}
 * index and still mean what they mean on MongoDB, through the real driver over TCP, on both backends.
 */
class IdFirstTest {

    private MongoServer server;
    private AbstractMongoBackend backend;

    static Stream<Arguments> backends() {
        return Stream.of(
                Arguments.of("memory", (Supplier<AbstractMongoBackend>) SnapshotMemoryBackend::new),
                Arguments.of("h2", (Supplier<AbstractMongoBackend>) () -> new JournalingH2Backend(MVStore.open(null))));
    }

    @AfterEach
    void stop() {
        server.shutdownNow();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aQueryWithAnIdAndMoreFieldsIsPlannedOnTheIdIndex(String name, Supplier<AbstractMongoBackend> backends) {
        String uri = start(backends);
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> docs = client.getDatabase("t").getCollection("docs");
            for (int id = 1; id <= 50; id++) {
                docs.insertOne(new Document("_id", "d" + id).append("version", 1L));
            }
        }
        AbstractMongoCollection<Object> collection = collection("t", "docs");
        assertThat(collection.getClass().getEnclosingClass())
                .as("the backend's own collections, which plan with IdFirst")
                .isIn(IdFirstMemoryBackend.class, JournalingH2Backend.class);

        List<Object> candidates = list(IdFirst.candidates(query("d7", 1L), collection.getIndexes()));
        assertThat(candidates)
                .as("positions from the _id index, not a scan of 50")
                .hasSize(1);
        assertThat(list(IdFirst.candidates(query("nobody", 1L), collection.getIndexes())))
                .isEmpty();
        // The driver's Filters.and: {$and: [{_id: "d7"}, {version: 1}]}.
        de.bwaldvogel.mongo.bson.Document and = new de.bwaldvogel.mongo.bson.Document(
                "$and",
                List.of(
                        new de.bwaldvogel.mongo.bson.Document("_id", "d7"),
                        new de.bwaldvogel.mongo.bson.Document("version", 1L)));
        assertThat(list(IdFirst.candidates(and, collection.getIndexes()))).hasSize(1);
        // Left to the library: an _id alone (its own index plan), an operator, no _id at all.
        assertThat(IdFirst.candidates(new de.bwaldvogel.mongo.bson.Document("_id", "d7"), collection.getIndexes()))
                .isNull();
        de.bwaldvogel.mongo.bson.Document in = new de.bwaldvogel.mongo.bson.Document(
                        "_id", new de.bwaldvogel.mongo.bson.Document("$in", List.of("d1", "d2")))
                .append("version", 1L);
        assertThat(IdFirst.candidates(in, collection.getIndexes())).isNull();
        assertThat(IdFirst.candidates(new de.bwaldvogel.mongo.bson.Document("version", 1L), collection.getIndexes()))
                .isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void readsUpdatesAndDeletesByIdAndVersionMeanWhatTheyMeanOnMongoDb(
            String name, Supplier<AbstractMongoBackend> backends) {
        String uri = start(backends);
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> docs = client.getDatabase("t").getCollection("docs");
            docs.insertOne(new Document("_id", 1).append("version", 3L).append("x", "a"));
            docs.insertOne(new Document("_id", 2).append("version", 1L));

            // A replace conditional on a version that is not the stored one changes nothing.
            assertThat(docs.replaceOne(
                                    Filters.and(Filters.eq("_id", 1), Filters.eq("version", 2L)),
                                    new Document("version", 3L).append("x", "lost"))
                            .getMatchedCount())
                    .isZero();
            assertThat(docs.replaceOne(
                                    Filters.and(Filters.eq("_id", 1), Filters.eq("version", 3L)),
                                    new Document("version", 4L).append("x", "b"))
                            .getModifiedCount())
                    .isEqualTo(1);
            assertThat(docs.find(Filters.and(Filters.eq("_id", 1), Filters.eq("version", 4L)))
                            .first())
                    .containsEntry("x", "b");
            assertThat(docs.find(Filters.and(Filters.eq("_id", 1), Filters.eq("version", 3L)))
                            .first())
                    .isNull();

            // An operator on _id keeps the library's plan, with the same meaning.
            assertThat(docs.find(Filters.and(Filters.in("_id", 1, 2), Filters.eq("version", 1L)))
                            .map(doc -> doc.get("_id"))
                            .into(new ArrayList<>()))
                    .containsExactly(2);

            Document updated = docs.findOneAndUpdate(
                    Filters.and(Filters.eq("_id", 1), Filters.eq("x", "b")), Updates.inc("version", 1L));
            assertThat(updated).containsEntry("version", 4L);
            assertThat(docs.find(Filters.eq("_id", 1)).first()).containsEntry("version", 5L);

            assertThat(docs.deleteOne(Filters.and(Filters.eq("_id", 2), Filters.eq("version", 9L)))
                            .getDeletedCount())
                    .isZero();
            assertThat(docs.deleteOne(Filters.and(Filters.eq("_id", 2), Filters.eq("version", 1L)))
                            .getDeletedCount())
                    .isEqualTo(1);

            // An upsert whose filter matches nothing inserts the filter's equalities, _id included.
            docs.updateOne(
                    Filters.and(Filters.eq("_id", 5), Filters.eq("version", 0L)),
                    Updates.set("x", "new"),
                    new UpdateOptions().upsert(true));
            assertThat(docs.find(Filters.eq("_id", 5)).first())
                    .containsEntry("version", 0L)
                    .containsEntry("x", "new");
            assertThat(docs.countDocuments()).isEqualTo(2);
        }
    }

    private String start(Supplier<AbstractMongoBackend> backends) {
        backend = backends.get();
        server = new MongoServer(backend);
        InetSocketAddress address = server.bind();
        return "mongodb://127.0.0.1:" + address.getPort();
    }

    @SuppressWarnings("unchecked")
    private AbstractMongoCollection<Object> collection(String database, String name) {
        return (AbstractMongoCollection<Object>)
                backend.resolveDatabase(database).resolveCollection(name, true);
    }

    private static de.bwaldvogel.mongo.bson.Document query(String id, long version) {
        return new de.bwaldvogel.mongo.bson.Document("_id", id).append("version", version);
    }

    private static List<Object> list(Iterable<Object> positions) {
        if (positions == null) {
            return null;
        }
        List<Object> list = new ArrayList<>();
        positions.forEach(position -> {
            if (position != null) {
                list.add(position);
            }
        });
        return list;
    }
}
