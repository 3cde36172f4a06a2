package dev.tango.session;

import dev.tango.events.EventEnvelope;
import dev.tango.events.session.PhaseEntered;
import dev.tango.events.session.SessionCancelled;
import dev.tango.events.session.SessionEnded;
import dev.tango.events.session.SessionEvent;
import dev.tango.events.session.SessionScheduled;
import dev.tango.events.session.SessionStarted;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Session metrics, counted from the events of changes that were stored: {@code tango.sessions.transitions} (phases
 * entered, by phase), {@code tango.sessions.lifecycle} (by the status reached) and {@code tango.sessions.duration}.
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
        } else if (event instanceof SessionCancelled) {
            lifecycle(SessionStatus.CANCELLED);
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
