package dev.tango.reliability.hostile;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.bson.Document;

/**
 * Everything stored in the MongoDB-protocol server: every database, every collection, every document as canonical
 * JSON, sorted. Two snapshots are equal when nothing was stored, changed or removed in between.
 *
 * <p>Excluded, because it changes on every request by design and holds no business state:
 *
 * <ul>
 *   <li>{@code idempotency_keys} in every service database: the record of an {@code Idempotency-Key} a request
 *       carried. The corpus sends none, so it stays unchanged too; excluded only so that the check does not depend
 *       on that.
 * </ul>
 *
 * Login attempts (LoginThrottle) and the web sign-in sessions live in the gateway's memory, not in the store, so they
 * need no exclusion.
 */
final class StoreSnapshot {

    /** database.collection names left out of the comparison, with the reason above. */
    static final Set<String> EXCLUDED_COLLECTIONS = Set.of("idempotency_keys");

    private static final Set<String> SYSTEM_DATABASES = Set.of("admin", "local", "config");

    private final Map<String, List<String>> collections;

    private StoreSnapshot(Map<String, List<String>> collections) {
        this.collections = collections;
    }

    static StoreSnapshot take(MongoClient client) {
        Map<String, List<String>> all = new TreeMap<>();
        for (String databaseName : client.listDatabaseNames()) {
            if (SYSTEM_DATABASES.contains(databaseName)) {
                continue;
            }
            MongoDatabase database = client.getDatabase(databaseName);
            for (String collection : database.listCollectionNames()) {
                if (EXCLUDED_COLLECTIONS.contains(collection) || collection.startsWith("system.")) {
                    continue;
                }
                List<String> documents = new ArrayList<>();
                for (Document document : database.getCollection(collection).find()) {
                    documents.add(document.toJson());
                }
                documents.sort(null);
                all.put(databaseName + "." + collection, documents);
            }
        }
        return new StoreSnapshot(all);
    }

    int documentCount() {
        return collections.values().stream().mapToInt(List::size).sum();
    }

    int collectionCount() {
        return collections.size();
    }

    /** What differs, one line per added, removed or changed collection or document; empty when equal. */
    List<String> differencesTo(StoreSnapshot later) {
        List<String> differences = new ArrayList<>();
        Set<String> names = new java.util.TreeSet<>(collections.keySet());
        names.addAll(later.collections.keySet());
        for (String name : names) {
            List<String> before = collections.getOrDefault(name, List.of());
            List<String> after = later.collections.getOrDefault(name, List.of());
            if (before.equals(after)) {
                continue;
            }
            List<String> removed = new ArrayList<>(before);
            removed.removeAll(after);
            List<String> added = new ArrayList<>(after);
            added.removeAll(before);
            removed.forEach(document -> differences.add(name + " - " + abbreviate(document)));
            added.forEach(document -> differences.add(name + " + " + abbreviate(document)));
        }
        return differences;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoreSnapshot snapshot && collections.equals(snapshot.collections);
    }

    @Override
    public int hashCode() {
        return collections.hashCode();
    }

    private static String abbreviate(String json) {
        return json.length() > 400 ? json.substring(0, 400) + "…" : json;
    }
}
