package dev.tango.support.events;

import dev.tango.events.EventEnvelope;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;

/**
 * The metrics every consumer reports: {@code tango.events.processed} (by consumer, event type and outcome) and
 * {@code tango.events.lag}, the time from an event's occurrence to the moment its projection was updated.
 */
public class ProcessedEvents {

    /** What a consumer did with an event. */
    public enum Outcome {
        APPLIED,
        DUPLICATE,
        IGNORED
    }

    private final MeterRegistry meters;
    private final Clock clock;

    public ProcessedEvents(MeterRegistry meters, Clock clock) {
        this.meters = meters;
        this.clock = clock;
    }

    public void record(String consumer, EventEnvelope<?> event, Outcome outcome) {
        Counter.builder("tango.events.processed")
                .description("Events handled by a consumer, by outcome")
                .tag("consumer", consumer)
                .tag("type", event.type())
                .tag("outcome", outcome.name().toLowerCase())
                .register(meters)
                .increment();
        if (outcome == Outcome.APPLIED) {
            Timer.builder("tango.events.lag")
                    .description("From an event's occurrence to its projection being updated")
                    .tag("consumer", consumer)
                    .publishPercentileHistogram()
                    .register(meters)
                    .record(Duration.between(event.time(), clock.instant()).abs());
        }
    }
}
