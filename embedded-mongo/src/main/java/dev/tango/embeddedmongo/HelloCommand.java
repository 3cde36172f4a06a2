package dev.tango.embeddedmongo;

import de.bwaldvogel.mongo.bson.Document;
import java.util.Locale;
import java.util.function.Function;

/**
 * Answers {@code hello} on every database as MongoDB does: mongo-java-server knows only the legacy {@code isMaster},
 * and {@code hello} is the same answer under a new name (Spring Boot's MongoDB health check sends it).
 */
final class HelloCommand {

    private HelloCommand() {}

    /** Whether {@code command} is {@code hello}. */
    static boolean is(String command) {
        return command.toLowerCase(Locale.ROOT).equals("hello");
    }

    /** The answer to {@code hello}, from the backend's answer to {@code isMaster}. */
    static Document answer(Function<String, Document> backend) {
        Document reply = backend.apply("ismaster");
        reply.remove("ismaster");
        reply.put("isWritablePrimary", true);
        return reply;
    }
}
