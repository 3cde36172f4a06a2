package dev.tango.feedback.rebuild;

/** A consumer feeding a projection, which a rebuild sends back to the beginning of its topics. */
public interface ProjectionConsumer {

    String name();

    /**
     * Asks the consumer to read all its partitions again from the beginning; it does so on its next poll. Events
     * already in flight land in the emptied store, where their sequences park them until the replay fills the gap.
     */
    void replayFromStart();
}
