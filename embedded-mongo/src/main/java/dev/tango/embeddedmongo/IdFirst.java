package dev.tango.embeddedmongo;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Finds the documents of a query that names one {@code _id} and more fields through the {@code _id} index, as MongoDB
 * does, instead of scanning the whole collection.
 *
 * <p>mongo-java-server (1.47) uses an index only for a query whose fields are exactly the index's fields. So {@code
 * {_id: x, version: 3}}, which is every save of a Spring Data {@code @Version} entity, read every document of the
 * collection, and the cost of each write grew with the collection: measured by the benchmark, 33 conditional replaces
 * per second against 915 inserts. The query is still matched in full against the document found; only the candidates
 * come from the index.
 */
final class IdFirst {

    private static final String ID = "_id";

    private IdFirst() {}

    /**
     * The positions of the documents that can match {@code query}, from the {@code _id} index, when the query has a
     * plain {@code _id} value (no operator, array or pattern) and other fields; otherwise null (the library's own
     * query plan applies).
     */
    static <P> Iterable<P> candidates(Document query, List<Index<P>> indexes) {
        if (query.size() < 2 || !query.containsKey(ID)) {
            return null;
        }
        Object id = query.get(ID);
        if (id == null || id instanceof Map || id instanceof Collection || id instanceof Pattern) {
            return null;
        }
        Document byId = new Document(ID, id);
        for (Index<P> index : indexes) {
            List<IndexKey> keys = index.getKeys();
            if (keys.size() == 1 && ID.equals(keys.get(0).getKey()) && index.canHandle(byId)) {
                return index.getPositions(byId);
            }
        }
        return null;
    }
}
