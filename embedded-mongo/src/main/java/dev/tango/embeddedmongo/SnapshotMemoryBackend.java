package dev.tango.embeddedmongo;

import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * mongo-java-server's in-memory backend, with replies that a concurrent write cannot tear ({@link SnapshotReplies})
 * and {@code hello} answered, whose collections find a query with an {@code _id} through the {@code _id} index
 * ({@link IdFirst}). The tests' embedded MongoDB-protocol server.
 */
public class SnapshotMemoryBackend extends IdFirstMemoryBackend {

    private final SnapshotReplies replies = new SnapshotReplies();

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        return replies.handle(
                command,
                query,
                () -> HelloCommand.is(command)
                        ? HelloCommand.answer(name -> super.handleCommand(channel, database, name, query))
                        : super.handleCommand(channel, database, command, query));
    }
}
