package dev.tango.embeddedmongo;

import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Makes every reply of a mongo-java-server backend a snapshot that no concurrent write can tear, as a reply of real
 * MongoDB is.
 *
 * <p>mongo-java-server (1.47, memory and H2 backends) updates a stored document in place, key by key, and answers a
 * query with the stored documents themselves; Netty encodes the reply after the collection's lock is released. A read
 * racing an update can so return a document whose {@code version} is already the new one while other fields are
 * still old. Optimistic locking then fails open: a save conditional on that version succeeds and silently drops the
 * update it half saw. {@code ConcurrentDeliveryIT} lost a session event that way in CI (2026-11-25), and
 * {@code SnapshotRepliesTest} shows torn reads on the unpatched backends.
 *
 * <p>Here, commands that only read run under a shared lock, every other command under an exclusive one (the backends
 * already serialise writes per collection), and the reply is deep-copied before the lock is released, so nothing a
 * reply holds is shared with the store any more.
 */
public final class SnapshotReplies {

    // Commands that neither change documents nor indexes; anything not named here is treated as a write.
    private static final Set<String> READS = Set.of(
            "find",
            "getmore",
            "count",
            "distinct",
            "aggregate",
            "listcollections",
            "listindexes",
            "listdatabases",
            "hello",
            "ismaster",
            "ping",
            "buildinfo",
            "dbstats",
            "collstats",
            "serverstatus",
            "getlasterror",
            "getparameter",
            "whatsmyuri",
            "connectionstatus");

    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    /** Runs {@code command} through {@code backend} and returns a copy of its reply that shares nothing with it. */
    public Document handle(String command, Document query, Supplier<Document> backend) {
        Lock held = readsOnly(command, query) ? lock.readLock() : lock.writeLock();
        held.lock();
        try {
            Document reply = backend.get();
            return reply == null ? null : reply.cloneDeeply();
        } finally {
            held.unlock();
        }
    }

    static boolean readsOnly(String command, Document query) {
        String name = command.toLowerCase(Locale.ROOT);
        if (!READS.contains(name)) {
            return false;
        }
        // An aggregation that ends in $out or $merge writes a collection.
        return !name.equals("aggregate") || !writesOut(query.get("pipeline"));
    }

    private static boolean writesOut(Object pipeline) {
        if (!(pipeline instanceof List<?> stages)) {
            return false;
        }
        return stages.stream()
                .anyMatch(stage -> stage instanceof Document document
                        && (document.containsKey("$out") || document.containsKey("$merge")));
    }
}
