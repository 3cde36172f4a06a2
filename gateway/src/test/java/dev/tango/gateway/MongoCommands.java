package dev.tango.gateway;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.bson.BsonValue;

/** The MongoDB commands the gateway sends, as "command collection": round trips, for tests that bound them. */
public final class MongoCommands implements CommandListener {

    private final Queue<String> started = new ConcurrentLinkedQueue<>();

    @Override
    public void commandStarted(CommandStartedEvent event) {
        BsonValue target = event.getCommand().get(event.getCommandName());
        String collection =
                target != null && target.isString() ? target.asString().getValue() : "";
        started.add(event.getCommandName() + " " + collection);
    }

    public void reset() {
        started.clear();
    }

    /** How many of this command went to this collection since the last {@link #reset}. */
    public long count(String command, String collection) {
        String wanted = command + " " + collection;
        return started.stream().filter(wanted::equals).count();
    }
}
