package dev.tango.session;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code tango.sessions.current}: how many sessions are in each status, counted in the store (so every instance of the
 * service reports the same, and a restart loses nothing) every {@code tango.sessions.status-gauge-interval} (30 s by
 * default). Until the first count the gauges report nothing (NaN) rather than a made-up zero.
 */
@Component
class SessionStatusGauges implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SessionStatusGauges.class);

    private final PracticeSessions sessions;
    private final Duration interval;
    private final Map<SessionStatus, AtomicLong> counts = new EnumMap<>(SessionStatus.class);
    private volatile boolean counted;
    private volatile Disposable refreshing;

    SessionStatusGauges(
            PracticeSessions sessions,
            MeterRegistry meters,
            @Value("${tango.sessions.status-gauge-interval:30s}") Duration interval) {
        this.sessions = sessions;
        this.interval = interval;
        for (SessionStatus status : SessionStatus.values()) {
            AtomicLong count = new AtomicLong();
            counts.put(status, count);
            Gauge.builder("tango.sessions.current", count, value -> counted ? value.get() : Double.NaN)
                    .description("Sessions in each status, as last counted in the store")
                    .tag("status", status.name())
                    .register(meters);
        }
    }

    private void update(Map<SessionStatus, Long> byStatus) {
        byStatus.forEach((status, count) -> counts.get(status).set(count));
        counted = true;
    }

    @Override
    public void start() {
        refreshing = Flux.interval(Duration.ZERO, interval, Schedulers.parallel())
                .onBackpressureDrop()
                .concatMap(tick -> sessions.countByStatus().onErrorResume(e -> {
                    log.warn("Could not count sessions by status: {}", e.toString());
                    return Mono.empty();
                }))
                .subscribe(this::update);
    }

    @Override
    public void stop() {
        Disposable running = refreshing;
        if (running != null) {
            running.dispose();
        }
        refreshing = null;
    }

    @Override
    public boolean isRunning() {
        return refreshing != null;
    }
}
