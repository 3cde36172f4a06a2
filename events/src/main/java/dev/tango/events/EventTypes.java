package dev.tango.events;

import dev.tango.events.score.ObservationRecorded;
import dev.tango.events.score.ObservationRetracted;
import dev.tango.events.score.ScorecardPublished;
import dev.tango.events.score.ScorecardRevised;
import dev.tango.events.session.PhaseEntered;
import dev.tango.events.session.SessionCancelled;
import dev.tango.events.session.SessionEnded;
import dev.tango.events.session.SessionScheduled;
import dev.tango.events.session.SessionStarted;
import dev.tango.events.session.TranscriptAppended;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps logical type ids on the wire to payload classes. Type ids never name a Java class, so classes can move; a
 * breaking change of a payload is a new type id ({@code .v2}), while added fields keep the id.
 */
public final class EventTypes {

    private static final Map<String, Registration> BY_TYPE = new LinkedHashMap<>();
    private static final Map<Class<?>, Registration> BY_CLASS = new LinkedHashMap<>();

    static {
        register("tango.session.scheduled.v1", SessionScheduled.class, Topics.SESSION_EVENTS);
        register("tango.session.started.v1", SessionStarted.class, Topics.SESSION_EVENTS);
        register("tango.session.phase-entered.v1", PhaseEntered.class, Topics.SESSION_EVENTS);
        register("tango.session.ended.v1", SessionEnded.class, Topics.SESSION_EVENTS);
        register("tango.session.cancelled.v1", SessionCancelled.class, Topics.SESSION_EVENTS);
        register("tango.session.transcript-appended.v1", TranscriptAppended.class, Topics.SESSION_EVENTS);
        register("tango.score.observation-recorded.v1", ObservationRecorded.class, Topics.SCORE_EVENTS);
        register("tango.score.observation-retracted.v1", ObservationRetracted.class, Topics.SCORE_EVENTS);
        register("tango.score.scorecard-published.v1", ScorecardPublished.class, Topics.SCORE_EVENTS);
        register("tango.score.scorecard-revised.v1", ScorecardRevised.class, Topics.SCORE_EVENTS);
    }

    private EventTypes() {}

    private static void register(String type, Class<? extends TangoEvent> payload, Topics.TopicSpec topic) {
        Registration registration = new Registration(type, payload, topic);
        BY_TYPE.put(type, registration);
        BY_CLASS.put(payload, registration);
    }

    public static String typeOf(Class<?> payload) {
        Registration registration = BY_CLASS.get(payload);
        if (registration == null) {
            throw new IllegalArgumentException("Not a registered event payload: " + payload.getName());
        }
        return registration.type();
    }

    public static Topics.TopicSpec topicOf(Class<?> payload) {
        return BY_TYPE.get(typeOf(payload)).topic();
    }

    public static Optional<Class<? extends TangoEvent>> payloadOf(String type) {
        return Optional.ofNullable(BY_TYPE.get(type)).map(Registration::payload);
    }

    /** The type ids published on one topic, in the order they were registered. */
    public static List<String> onTopic(Topics.TopicSpec topic) {
        return BY_TYPE.values().stream()
                .filter(registration -> registration.topic().equals(topic))
                .map(Registration::type)
                .toList();
    }

    public static Map<String, Class<? extends TangoEvent>> all() {
        Map<String, Class<? extends TangoEvent>> all = new LinkedHashMap<>();
        BY_TYPE.forEach((type, registration) -> all.put(type, registration.payload()));
        return all;
    }

    private record Registration(String type, Class<? extends TangoEvent> payload, Topics.TopicSpec topic) {}
}
