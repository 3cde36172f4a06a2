package dev.tango.embeddedmongo;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.util.Locale;
import java.util.Set;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend, whose data lives in one MVStore file, for the local stack. It commits the store
 * before acknowledging what MongoDB would acknowledge only once it is in its journal (write concern {@code j: true} or
 * {@code fsync: true}, and the {@code fsync} command), answers {@code hello}, and gives replies that a concurrent
 * write cannot tear ({@link SnapshotReplies}).
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

    private static boolean asksForJournal(Document query) {
        return query.get("writeConcern") instanceof Document writeConcern
                && (isTrue(writeConcern.get("j")) || isTrue(writeConcern.get("fsync")));
    }

    private static boolean isTrue(Object value) {
        return Boolean.TRUE.equals(value) || (value instanceof Number number && number.intValue() != 0);
    }
}
