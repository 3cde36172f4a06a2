package dev.tango.events;

import java.util.List;

/**
 * The one registry of Kafka topics. Each topic is created up front by the service that owns it; a consumer creates
 * the dead-letter topic it writes to.
 */
public final class Topics {

    /** Session lifecycle events, owned by session-service, keyed by session id. */
    public static final TopicSpec SESSION_EVENTS = new TopicSpec("tango.session-events.v1", 6, "session-service");

    /** Observations and scorecards, owned by scoring-service, keyed by session id. */
    public static final TopicSpec SCORE_EVENTS = new TopicSpec("tango.score-events.v1", 6, "scoring-service");

    private static final List<TopicSpec> ALL = List.of(SESSION_EVENTS, SCORE_EVENTS);

    private Topics() {}

    public static List<TopicSpec> all() {
        return ALL;
    }

    /**
     * A topic and how it is laid out.
     *
     * @param name the topic name
     * @param partitions partition count; events of one session land on one partition because the key is the session id
     * @param owner the service that creates the topic and is the only one to publish on it
     */
    public record TopicSpec(String name, int partitions, String owner) {

        /** Where a consumer parks the records of this topic it could not process after bounded retries. */
        public String deadLetter() {
            return name + ".dlt";
        }
    }
}
