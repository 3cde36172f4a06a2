package dev.tango.local;

import de.bwaldvogel.mongo.MongoServer;
import dev.tango.embeddedmongo.JournalingH2Backend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MongoDB-wire-protocol server (mongo-java-server) whose data lives in one H2 MVStore file, run as a child process
 * by {@link LocalStack}. The oplog stays off: it costs about 5x in write throughput and nothing here needs change
 * streams.
 *
 * <p>Usage: {@code MongoServerMain --file FILE --port N}. SIGTERM closes the store cleanly.
 *
 * <p>Durability follows MongoDB's journal: the store writes its changes every {@value #COMMIT_INTERVAL_MILLIS} ms
 * (MongoDB's default {@code commitIntervalMs} is 100 too), so a {@code kill -9} may lose the writes of that last
 * window; a write with write concern {@code j: true} (or {@code fsync: true}), and the {@code fsync} command, are
 * written to the file before they are acknowledged.
 */
public final class MongoServerMain {

    static final int COMMIT_INTERVAL_MILLIS = 100;

    private static final Logger log = LoggerFactory.getLogger(MongoServerMain.class);

    private MongoServerMain() {}

    public static void main(String[] args) throws Exception {
        ParentWatchdog.install();
        Map<String, String> options = ChildArgs.parse(args, "--file", "--port");
        Path file = Path.of(options.get("--file")).toAbsolutePath();
        int port = Integer.parseInt(options.get("--port"));
        Files.createDirectories(file.getParent());

        MVStore store = new MVStore.Builder().fileName(file.toString()).open();
        // H2's default is 1 s.
        store.setAutoCommitDelay(COMMIT_INTERVAL_MILLIS);
        MongoServer server = new MongoServer(new JournalingH2Backend(store));
        server.bind(Ports.HOST, port);
        log.info("mongo-java-server listening on {}:{} with data in {}", Ports.HOST, port, file);

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            log.info("SIGTERM: shutting down");
                            // Also closes the backend, which writes pending changes and releases the file.
                            server.shutdown();
                            log.info("stopped; {} closed", file);
                            stopped.countDown();
                        },
                        "mongo-shutdown"));
        stopped.await();
    }
}
