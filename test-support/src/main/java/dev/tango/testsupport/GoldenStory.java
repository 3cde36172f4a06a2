package dev.tango.testsupport;

import dev.tango.events.EventEnvelope;
import dev.tango.events.EventTypes;
import dev.tango.events.GoldenSamples;
import dev.tango.events.Phase;
import dev.tango.events.ProgramId;
import dev.tango.events.SessionId;
import dev.tango.events.SessionMode;
import dev.tango.events.Topics;
import dev.tango.events.UserId;
import dev.tango.events.session.PhaseEntered;
import dev.tango.events.session.SessionScheduled;
import java.time.Instant;
import java.util.List;

/**
 * The story the golden samples tell, with the events between them that they leave out. Session {@link #COMPLETED}
 * publishes 1 scheduled, 2 started, 3 OPENING, 4 EXPLORING, 5 ACTION_PLANNING, 6 CLOSING, 7 ended (MEANING_MAKING
 * skipped), 8 transcript appended (after the end, as a REVIEW of the recording would); session {@link #CANCELLED}
 * publishes 1 scheduled, 2 cancelled. Samples: 1, 2, 4, 7 and 8 of the first, 2 of the second.
 */
public final class GoldenStory {

    public static final SessionId COMPLETED = SessionId.of("3f2b8c1a-7d4e-4b7a-9c0e-1a2b3c4d5e6f");
    public static final SessionId CANCELLED = SessionId.of("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d");
    public static final UserId STUDENT = UserId.of("student-ana");

    private GoldenStory() {}

    /** The session event types, whose samples tell this story; score events have their own samples. */
    public static List<String> types() {
        return EventTypes.onTopic(Topics.SESSION_EVENTS);
    }

    public static List<EventEnvelope<?>> samples() {
        return types().stream()
                .<EventEnvelope<?>>map(type -> GoldenSamples.of(type).envelope())
                .toList();
    }

    /** The events the samples leave out. */
    public static List<EventEnvelope<?>> gaps() {
        return List.of(
                event(COMPLETED, 3, phase(Phase.OPENING, null, "2026-11-21T14:00:05Z")),
                event(COMPLETED, 5, phase(Phase.ACTION_PLANNING, Phase.EXPLORING, "2026-11-21T14:26:35Z")),
                event(COMPLETED, 6, phase(Phase.CLOSING, Phase.ACTION_PLANNING, "2026-11-21T14:38:35Z")),
                new EventEnvelope<>(
                        "golden-gap-cancelled-1",
                        SessionStory.SOURCE,
                        Instant.parse("2026-11-20T09:00:00Z"),
                        1,
                        new SessionScheduled(
                                CANCELLED,
                                ProgramId.of("pcc-2026-spring"),
                                STUDENT,
                                List.of(UserId.of("mentor-marco")),
                                SessionMode.LIVE,
                                Instant.parse("2026-11-22T10:00:00Z"),
                                null,
                                null)));
    }

    private static PhaseEntered phase(Phase phase, Phase previous, String at) {
        return new PhaseEntered(COMPLETED, phase, previous, Instant.parse(at), null);
    }

    private static EventEnvelope<?> event(SessionId session, long sequence, PhaseEntered data) {
        return new EventEnvelope<>(
                "golden-gap-" + session + "-" + sequence, SessionStory.SOURCE, data.enteredAt(), sequence, data);
    }
}
