package dev.tango.embeddedmongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.util.Locale;
import java.util.Set;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend, whose data lives in one MVStore file, for the local stack. It commits the store
 * before acknowledging what MongoDB would acknowledge only once it is in its journal (write concern {@code j: true} or
 * {@code fsync: true}, and the {@code fsync} command), answers {@code hello}, gives replies that a concurrent
 * write cannot tear ({@link SnapshotReplies}), and finds a query with an {@code _id} through the {@code _id} index
 * ({@link IdFirst}).
 */
public class JournalingH2Backend extends H2Backend {

    private static final Set<String> WRITE_COMMANDS =
            Set.of("insert", "update", "delete", "findandmodify", "createindexes", "drop", "dropindexes");

    private final SnapshotReplies replies = new SnapshotReplies();

    public JournalingH2Backend(MVStore store) {
        super(store);
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        String name = command.toLowerCase(Locale.ROOT);
        if (name.equals("fsync")) {
            commit();
            Document reply = new Document();
            reply.put("numFiles", 1);
            reply.put("ok", 1.0);
            return reply;
        }
        Document reply = replies.handle(
                command,
                query,
                () -> HelloCommand.is(command)
                        ? HelloCommand.answer(legacy -> super.handleCommand(channel, database, legacy, query))
                        : super.handleCommand(channel, database, command, query));
        if (WRITE_COMMANDS.contains(name) && asksForJournal(query)) {
            // After the exclusive lock is released: the commit writes this change and any made since.
            commit();
        }
        return reply;
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName, getCursorRegistry());
    }

    /**
     * An inner class on purpose: {@link H2Database}'s constructor opens the stored collections, so {@link
     * #openOrCreateCollection} runs before any field of a subclass is set, and takes the store from the backend.
     */
    private final class Database extends H2Database {

        Database(String name, CursorRegistry cursors) {
            super(name, getMvStore(), cursors);
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            // The maps H2Database itself opens for a collection (mongo-java-server 1.47).
            String namespace = getFullCollectionNamespace(collectionName);
            return new Collection(
                    this,
                    collectionName,
                    options,
                    getMvStore().openMap("databases." + namespace),
                    getMvStore().openMap("meta." + namespace),
                    cursorRegistry);
        }
    }

    private static final class Collection extends H2Collection {

        Collection(
                MongoDatabase database,
                String name,
                CollectionOptions options,
                org.h2.mvstore.MVMap<Object, Document> data,
                org.h2.mvstore.MVMap<String, Object> meta,
                CursorRegistry cursors) {
            super(database, name, options, data, meta, cursors);
        }

        @Override
        protected QueryResult queryDocuments(
                Document query, Document orderBy, int skip, int limit, int batchSize, Document projection) {
            Iterable<Object> candidates = IdFirst.candidates(query, getIndexes());
            return candidates == null
                    ? super.queryDocuments(query, orderBy, skip, limit, batchSize, projection)
                    : matchDocuments(query, candidates, orderBy, skip, limit, batchSize, projection);
        }
    }

    private static boolean asksForJournal(Document query) {
        return query.get("writeConcern") instanceof Document writeConcern
                && (isTrue(writeConcern.get("j")) || isTrue(writeConcern.get("fsync")));
    }

    private static boolean isTrue(Object value) {
        return Boolean.TRUE.equals(value) || (value instanceof Number number && number.intValue() != 0);
    }
}
