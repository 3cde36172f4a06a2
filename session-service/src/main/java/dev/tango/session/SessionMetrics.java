package dev.tango.session;

import dev.tango.events.EventEnvelope;
import dev.tango.events.session.PhaseEntered;
import dev.tango.events.session.SessionCancelled;
import dev.tango.events.session.SessionEnded;
import dev.tango.events.session.SessionEvent;
import dev.tango.events.session.SessionScheduled;
import dev.tango.events.session.SessionStarted;
import dev.tango.events.session.TranscriptAppended;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Session metrics, counted from the events of changes that were stored: {@code tango.sessions.transitions} (phases
 * entered, by phase), {@code tango.sessions.lifecycle} (by the status reached), {@code tango.sessions.duration},
 * {@code tango.sessions.phase.duration} (a histogram of the time a session spent in each phase, by phase, recorded when
 * it ends) and {@code tango.sessions.transcript.segments} (by origin). The number of sessions in each status now is
 * {@link SessionStatusGauges}.
 */
@Component
public class SessionMetrics {

    private final MeterRegistry meters;

    public SessionMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void stored(List<EventEnvelope<SessionEvent>> events) {
        events.forEach(event -> stored(event.data()));
    }

    private void stored(SessionEvent event) {
        if (event instanceof SessionScheduled) {
            lifecycle(SessionStatus.SCHEDULED);
        } else if (event instanceof SessionStarted) {
            lifecycle(SessionStatus.IN_PROGRESS);
        } else if (event instanceof PhaseEntered entered) {
            Counter.builder("tango.sessions.transitions")
                    .description("Phases entered by sessions, the OPENING at start included")
                    .tag("phase", entered.phase().name())
                    .register(meters)
                    .increment();
        } else if (event instanceof SessionEnded ended) {
            lifecycle(SessionStatus.ENDED);
            Timer.builder("tango.sessions.duration")
                    .description("Duration of sessions that ended")
                    .register(meters)
                    .record(Duration.ofMillis(ended.durationMs()));
            ended.timeInPhaseMs()
                    .forEach((phase, ms) -> Timer.builder("tango.sessions.phase.duration")
                            .description(
                                    "Time sessions spent in a phase, summed over its visits, recorded when they end")
                            .tag("phase", phase.name())
                            .publishPercentileHistogram()
                            .minimumExpectedValue(Duration.ofSeconds(5))
                            .maximumExpectedValue(Duration.ofHours(3))
                            .register(meters)
                            .record(Duration.ofMillis(ms)));
        } else if (event instanceof SessionCancelled) {
            lifecycle(SessionStatus.CANCELLED);
        } else if (event instanceof TranscriptAppended appended) {
            Counter.builder("tango.sessions.transcript.segments")
                    .description("Transcript segments added to sessions")
                    .tag("origin", appended.origin().name())
                    .register(meters)
                    .increment(appended.segments().size());
        }
    }

    private void lifecycle(SessionStatus status) {
        Counter.builder("tango.sessions.lifecycle")
                .description("Sessions that reached a status")
                .tag("status", status.name())
                .register(meters)
                .increment();
    }
}
