package dev.tango.feedback.rebuild;

/** A consumer feeding a projection, which a rebuild sends back to the beginning of its topics. */
public interface ProjectionConsumer {

    String name();

    /** Stops consuming; returns once the consumer has stopped. */
    void stop();

    /**
     * Starts consuming again from the beginning of every partition. Events still in flight from before the stop land
     * in the emptied store, where their sequences park them until the replay fills the gap.
     */
    void replayFromStart();
}
