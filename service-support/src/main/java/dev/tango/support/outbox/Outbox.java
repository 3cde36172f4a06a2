package dev.tango.support.outbox;

import java.util.List;
import org.springframework.data.mongodb.core.query.Update;

/**
 * How an aggregate document carries its outbox: a list field {@value #FIELD} of {@link OutboxEntry}. A write appends
 * new entries with {@code $push} (never by rewriting the list, which would bring back entries the relay has already
 * removed) wrapped in {@link OutboxRelay#afterWriteOf(String, Object, reactor.core.publisher.Mono)}, which relays the
 * document however the write ends.
 */
public final class Outbox {

    /** The name of the list field in every aggregate document. */
    public static final String FIELD = "outbox";

    private Outbox() {}

    /** Adds {@code $push: {outbox: {$each: entries}}} to an update, in order. */
    public static Update append(Update update, List<OutboxEntry> entries) {
        if (!entries.isEmpty()) {
            update.push(FIELD).each(entries.toArray());
        }
        return update;
    }
}
