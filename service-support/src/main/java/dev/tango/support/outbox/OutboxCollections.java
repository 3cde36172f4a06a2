package dev.tango.support.outbox;

import java.util.List;

/**
 * The collections whose documents carry an outbox. Declaring this bean turns the {@link OutboxRelay} on; the recovery
 * sweep scans exactly these collections.
 */
public final class OutboxCollections {

    private final List<String> names;

    private OutboxCollections(List<String> names) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("Declare at least one collection");
        }
        this.names = List.copyOf(names);
    }

    public static OutboxCollections of(String... names) {
        return new OutboxCollections(List.of(names));
    }

    public List<String> names() {
        return names;
    }
}
