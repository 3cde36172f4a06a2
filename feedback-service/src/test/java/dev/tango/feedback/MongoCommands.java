package dev.tango.feedback;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.Collection;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The MongoDB commands feedback-service sends (its consumers' too), with the collection and the filter: the
 * round trips a read costs, for tests that bound them.
 */
public final class MongoCommands implements CommandListener {

    /** One command as sent, with its filter as JSON. */
    public record Command(String name, String collection, String filter) {}

    private final Queue<Command> started = new ConcurrentLinkedQueue<>();

    @Override
    public void commandStarted(CommandStartedEvent event) {
        BsonDocument command = event.getCommand();
        BsonValue target = command.get(event.getCommandName());
        BsonValue filter = command.get("filter");
        started.add(new Command(
                event.getCommandName(),
                target != null && target.isString() ? target.asString().getValue() : "",
                filter != null && filter.isDocument() ? filter.asDocument().toJson() : ""));
    }

    public void reset() {
        started.clear();
    }

    /** The finds on one collection since the last {@link #reset} whose filter names any of these values. */
    public long finds(String collection, Collection<String> naming) {
        return started.stream()
                .filter(c -> c.name().equals("find") && c.collection().equals(collection))
                .filter(c -> naming.stream().anyMatch(value -> c.filter().contains("\"" + value + "\"")))
                .count();
    }

    /** Registers the listener with the application's MongoDB client. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Registration {

        @Bean
        MongoCommands mongoCommands() {
            return new MongoCommands();
        }

        @Bean
        MongoClientSettingsBuilderCustomizer countMongoCommands(MongoCommands commands) {
            return settings -> settings.addCommandListener(commands);
        }
    }
}
