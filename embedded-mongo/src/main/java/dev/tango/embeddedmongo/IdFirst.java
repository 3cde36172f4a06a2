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
     * The {@code _id} every match must have: a plain value beside other fields ({@code {_id: x, version: 3}}, as Spring
     * Data writes it), or one of the parts of a top-level {@code $and} ({@code {$and: [{_id: x}, {version: 3}]}}, as
     * the driver's {@code Filters.and} writes it). Null when there is none, or for {@code _id} alone (the library's
     * own plan handles that).
     */
    private static Object plainId(Document query) {
        if (query.size() >= 2 && query.containsKey(ID)) {
            return plain(query.get(ID));
        }
        if (query.get("$and") instanceof List<?> parts) {
            for (Object part : parts) {
                if (part instanceof Document document && document.size() == 1 && document.containsKey(ID)) {
                    return plain(document.get(ID));
                }
            }
        }
        return null;
    }

    private static Object plain(Object id) {
        return id == null || id instanceof Map || id instanceof Collection || id instanceof Pattern ? null : id;
    }

    /**
     * The positions of the documents that can match {@code query}, from the {@code _id} index, when every match must
     * have one plain {@code _id} value (no operator, array or pattern; see {@link #plainId}); otherwise null (the
     * library's own query plan applies).
     */
    static <P> Iterable<P> candidates(Document query, List<Index<P>> indexes) {
        Object id = plainId(query);
        if (id == null) {
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
