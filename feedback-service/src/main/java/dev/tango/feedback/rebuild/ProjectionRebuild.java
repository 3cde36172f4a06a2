package dev.tango.feedback.rebuild;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Stops the projections' consumers, resets every projection and restarts the consumers at the beginning of their
 * topics. Projections are idempotent per session sequence,
 * so the replay reaches the state the events describe, the same as before the rebuild.
 */
@Service
public class ProjectionRebuild {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);

    private final List<ProjectionStore> stores;
    private final List<ProjectionConsumer> consumers;
    private final MeterRegistry meters;

    public ProjectionRebuild(List<ProjectionStore> stores, List<ProjectionConsumer> consumers, MeterRegistry meters) {
        this.stores = stores;
        this.consumers = consumers;
        this.meters = meters;
    }

    /** What was reset and which consumers now replay. */
    public record Report(Map<String, Long> documentsRemoved, List<String> replaying) {}

    public Mono<Report> rebuild() {
        // Stopping a container blocks until its consumer has left the poll loop.
        Mono<Void> stopped = Mono.fromRunnable(() -> consumers.forEach(ProjectionConsumer::stop))
                .subscribeOn(Schedulers.boundedElastic())
                .then();
        return stopped.thenMany(Flux.fromIterable(stores))
                .concatMap(store -> store.reset().map(count -> Map.entry(store.name(), count)))
                .collectList()
                .map(removed -> {
                    consumers.forEach(ProjectionConsumer::replayFromStart);
                    Map<String, Long> byStore = new LinkedHashMap<>();
                    removed.forEach(entry -> byStore.put(entry.getKey(), entry.getValue()));
                    Counter.builder("tango.feedback.rebuilds")
                            .description("Rebuilds of the read models from the beginning of the topics")
                            .register(meters)
                            .increment();
                    List<String> names =
                            consumers.stream().map(ProjectionConsumer::name).toList();
                    log.info("Rebuilding read models: removed {}, replaying {}", byStore, names);
                    return new Report(byStore, names);
                });
    }
}
