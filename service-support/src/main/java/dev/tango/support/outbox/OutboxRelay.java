package dev.tango.support.outbox;

import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.reactivestreams.client.MongoCollection;
import dev.tango.events.EventEnvelope;
import dev.tango.events.EventTypes;
import dev.tango.events.TangoEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.kafka.core.KafkaOperations;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Publishes the {@link Outbox} entries of aggregate documents to Kafka, then removes exactly the published entries.
 *
 * <ul>
 *   <li>Hot path: right after a write filled a document's outbox, {@link #afterWrite} relays that one document, found
 *       by {@code _id} (also after a write that failed or was cancelled, see {@link #afterWriteOf}). It returns at once and never fails the write; the work runs on the relay's own scheduler.
 *   <li>Order: a document's entries go out one at a time in sequence order, each after the previous one was acked, and
 *       one document is relayed by one relay at a time in this process. An entry is removed only after its ack, so a
 *       crash in between publishes it again: duplicates are possible (consumers drop them), re-ordering is not.
 *   <li>Recovery: at startup, and after a failed relay with a growing backoff, a sweep scans the declared collections
 *       for documents with pending entries. That scan is the only query not by {@code _id}. While a sweep is pending
 *       (Kafka or MongoDB is away), writes leave their entries to it instead of each waiting for a timeout.
 * </ul>
 *
 * Metrics: {@code tango.outbox.backlog} (pending entries per collection, refreshed by every relay and sweep),
 * {@code tango.outbox.relay.lag} (event time to ack, per event type) and {@code tango.outbox.relay.failures}.
 */
public class OutboxRelay implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final String ID = "_id";
    private static final String EVENT_ID = "eventId";
    private static final Document PENDING = new Document(Outbox.FIELD + "." + EVENT_ID, new Document("$exists", true));

    private final ReactiveMongoOperations mongo;
    private final KafkaOperations<Object, Object> kafka;
    private final List<String> collections;
    private final Clock clock;
    private final MeterRegistry meters;
    private final TangoOutboxProperties properties;
    private final Scheduler scheduler;

    /** Documents being relayed now; the value says whether another relay was asked for meanwhile. */
    private final ConcurrentMap<DocumentKey, Boolean> running = new ConcurrentHashMap<>();
    /** Pending entries per document of each collection, as last seen; the backlog gauge sums them. */
    private final ConcurrentMap<String, ConcurrentMap<Object, Integer>> pending = new ConcurrentHashMap<>();

    private final ConcurrentMap<String, Timer> lagByType = new ConcurrentHashMap<>();
    private final AtomicBoolean sweepScheduled = new AtomicBoolean();
    private final AtomicReference<Duration> backoff;
    private volatile boolean closed;

    public OutboxRelay(
            ReactiveMongoOperations mongo,
            KafkaOperations<Object, Object> kafka,
            OutboxCollections collections,
            Clock clock,
            MeterRegistry meters,
            TangoOutboxProperties properties) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.collections = collections.names();
        this.clock = clock;
        this.meters = meters;
        this.properties = properties;
        this.backoff = new AtomicReference<>(properties.initialBackoff());
        // Sending may block up to max.block.ms while the broker is away, so it never runs on an event loop.
        this.scheduler = Schedulers.newBoundedElastic(
                Math.max(2, properties.concurrency()), Schedulers.DEFAULT_BOUNDED_ELASTIC_QUEUESIZE, "tango-outbox");
        for (String collection : this.collections) {
            Gauge.builder("tango.outbox.backlog", this, relay -> relay.backlog(collection))
                    .description("Events stored in an outbox and not yet published")
                    .tag("collection", collection)
                    .register(meters);
        }
    }

    /** Declares the index the sweep uses (on real MongoDB) and runs the startup sweep; returns at once. */
    public void start() {
        Flux.fromIterable(collections)
                .concatMap(collection -> mongo.indexOps(collection)
                        .createIndex(new Index()
                                .on(Outbox.FIELD + "." + EVENT_ID, Sort.Direction.ASC)
                                .sparse()
                                .named("outbox_pending")))
                .onErrorResume(e -> {
                    log.warn("Could not declare the outbox index: {}", e.toString());
                    return Mono.empty();
                })
                .then(sweep())
                .subscribe(
                        found -> log.info("Startup sweep found {} documents with pending events", found),
                        e -> log.warn("Startup sweep failed, another one follows: {}", e.toString()));
    }

    /**
     * Relays one document in the background after a write filled its outbox. Never throws and never waits: a failure
     * is logged, counted and left to a recovery sweep.
     */
    public void afterWrite(String collection, Object id) {
        if (closed || sweepScheduled.get()) {
            // The last relay failed; the pending sweep publishes this document's entries too.
            return;
        }
        try {
            relay(collection, id).subscribe(null, e -> {
                // already logged and counted in failed()
            });
        } catch (RuntimeException e) {
            // The write has been stored; a relay that cannot even be scheduled must not turn it into an error.
            log.warn("Could not schedule the relay of {}/{}: {}", collection, id, e.toString());
            scheduleSweep();
        }
    }

    /**
     * {@code write}, a write that fills the outbox of the document {@code id}, followed by {@link #afterWrite} of that
     * document however it ends: when it succeeds, and also when it fails or is cancelled. A cancelled write (the
     * client gave up, its connection was closed) or one whose answer was lost may have been stored all the same, and
     * no other trigger would relay its entries before the next sweep, which may be the next start of the service.
     * Relaying a document with an empty outbox costs one read.
     */
    public <T> Mono<T> afterWriteOf(String collection, Object id, Mono<T> write) {
        return write.doFinally(signal -> afterWrite(collection, id));
    }

    /**
     * Publishes every pending entry of one document, found by {@code _id}, and removes them. Completes at once if
     * that document is being relayed already (that relay goes on until the outbox is empty).
     */
    public Mono<Void> relay(String collection, Object id) {
        DocumentKey key = new DocumentKey(collection, id);
        return Mono.defer(() -> enter(key) ? drainWhileAsked(key) : Mono.<Void>empty())
                .subscribeOn(scheduler);
    }

    /**
     * Relays every document of the declared collections that has pending entries. Emits how many such documents were
     * found. A document whose entries cannot be published by this build is skipped; any other failure ends the sweep
     * and schedules the next one with a longer backoff.
     */
    public Mono<Long> sweep() {
        return Flux.fromIterable(collections)
                .concatMap(this::sweep)
                .reduce(0L, Long::sum)
                .doOnSuccess(found -> backoff.set(properties.initialBackoff()))
                .doOnError(e -> scheduleSweep());
    }

    /** Pending entries in one collection, as last seen by a relay or sweep. */
    public long backlog(String collection) {
        return pendingIn(collection).values().stream()
                .mapToLong(Integer::longValue)
                .sum();
    }

    @Override
    public void close() {
        closed = true;
        scheduler.dispose();
    }

    private Mono<Long> sweep(String collection) {
        return collection(collection)
                .flatMapMany(c -> Flux.from(c.find(PENDING).projection(new Document(Outbox.FIELD + "." + EVENT_ID, 1))))
                .collectList()
                .flatMap(documents -> {
                    ConcurrentMap<Object, Integer> counts = pendingIn(collection);
                    counts.clear();
                    documents.forEach(document -> counts.put(document.get(ID), entryCount(document)));
                    return Flux.fromIterable(documents)
                            .flatMap(
                                    document -> relay(collection, document.get(ID))
                                            .onErrorResume(PoisonEntryException.class, e -> Mono.empty()),
                                    properties.concurrency())
                            .then(Mono.just((long) documents.size()));
                });
    }

    private Mono<Void> drainWhileAsked(DocumentKey key) {
        return drain(key)
                .repeat(() -> runAgain(key))
                .then()
                .doOnError(e -> {
                    running.remove(key);
                    failed(key, e);
                })
                .doOnCancel(() -> running.remove(key));
    }

    /** Publishes what the outbox holds now, removes it, and goes on while writes added more meanwhile. */
    private Mono<Void> drain(DocumentKey key) {
        return collection(key.collection())
                .flatMap(c -> Mono.from(c.find(new Document(ID, key.id()))
                        .projection(new Document(Outbox.FIELD, 1))
                        .first()))
                .map(this::entries)
                .defaultIfEmpty(List.of())
                .flatMap(entries -> {
                    track(key, entries.size());
                    if (entries.isEmpty()) {
                        return Mono.<Void>empty();
                    }
                    return Flux.fromIterable(entries)
                            .concatMap(this::publish)
                            .then(remove(key, entries))
                            .flatMap(more -> more ? drain(key) : Mono.<Void>empty());
                });
    }

    private Mono<Void> publish(OutboxEntry entry) {
        return Mono.defer(() -> {
                    EventEnvelope<TangoEvent> envelope = envelopeOf(entry);
                    String topic =
                            EventTypes.topicOf(envelope.data().getClass()).name();
                    return Mono.fromFuture(
                            kafka.send(topic, envelope.sessionId().value(), envelope));
                })
                // The previous step completed on a Kafka or MongoDB callback thread, where sending must not happen.
                .subscribeOn(scheduler)
                .doOnNext(sent -> lag(entry.type()).record(Duration.between(entry.time(), clock.instant())))
                .then();
    }

    /** Pulls exactly the published entries; emits whether the outbox holds others (written meanwhile). */
    private Mono<Boolean> remove(DocumentKey key, List<OutboxEntry> published) {
        Set<String> ids = published.stream().map(OutboxEntry::eventId).collect(Collectors.toSet());
        Document pull = new Document(
                "$pull", new Document(Outbox.FIELD, new Document(EVENT_ID, new Document("$in", List.copyOf(ids)))));
        FindOneAndUpdateOptions options = new FindOneAndUpdateOptions()
                .projection(new Document(Outbox.FIELD, 1))
                .returnDocument(ReturnDocument.AFTER);
        return collection(key.collection())
                .flatMap(c -> Mono.from(c.findOneAndUpdate(new Document(ID, key.id()), pull, options)))
                .map(this::entries)
                .defaultIfEmpty(List.of())
                .map(remaining -> {
                    track(key, remaining.size());
                    if (remaining.stream().anyMatch(entry -> ids.contains(entry.eventId()))) {
                        // Never loop publishing the same entries again and again.
                        throw new IllegalStateException("Published entries are still in the outbox of " + key);
                    }
                    return !remaining.isEmpty();
                });
    }

    private void failed(DocumentKey key, Throwable e) {
        if (closed) {
            log.debug("Relay of {} stopped by shutdown: {}", key, e.toString());
            return;
        }
        boolean poison = e instanceof PoisonEntryException;
        Counter.builder("tango.outbox.relay.failures")
                .description("Outbox relays that failed; the entries stay in the outbox")
                .tag("reason", poison ? "poison" : "unavailable")
                .register(meters)
                .increment();
        if (poison) {
            // Retrying cannot help: the entry waits for a build that knows its type (the startup sweep finds it).
            log.error("The outbox of {} holds an event this build cannot publish", key, e);
        } else {
            log.warn("Relaying the outbox of {} failed; a recovery sweep will retry: {}", key, e.toString());
            scheduleSweep();
        }
    }

    private void scheduleSweep() {
        if (closed || !sweepScheduled.compareAndSet(false, true)) {
            return;
        }
        Duration delay = backoff.getAndUpdate(current -> {
            Duration doubled = current.multipliedBy(2);
            return doubled.compareTo(properties.maxBackoff()) > 0 ? properties.maxBackoff() : doubled;
        });
        log.info("Outbox recovery sweep in {}", delay);
        Mono.delay(delay, scheduler)
                .then(Mono.defer(() -> {
                    sweepScheduled.set(false);
                    return sweep();
                }))
                .subscribe(
                        found -> log.info("Outbox recovery sweep relayed {} documents", found),
                        e -> log.debug("Outbox recovery sweep failed: {}", e.toString()));
    }

    private boolean enter(DocumentKey key) {
        // Absent: nobody relays this document, so this relay runs. Present: ask the running relay to go once more.
        return !running.merge(key, Boolean.FALSE, (already, ignored) -> Boolean.TRUE);
    }

    private boolean runAgain(DocumentKey key) {
        return running.computeIfPresent(key, (k, asked) -> asked ? Boolean.FALSE : null) != null;
    }

    private EventEnvelope<TangoEvent> envelopeOf(OutboxEntry entry) {
        try {
            return entry.toEnvelope();
        } catch (RuntimeException e) {
            throw new PoisonEntryException(entry, e);
        }
    }

    private List<OutboxEntry> entries(Document document) {
        return document.getList(Outbox.FIELD, Document.class, List.of()).stream()
                .map(entry -> mongo.getConverter().read(OutboxEntry.class, entry))
                .sorted(Comparator.comparingLong(OutboxEntry::sequence))
                .toList();
    }

    private static int entryCount(Document document) {
        return document.getList(Outbox.FIELD, Object.class, List.of()).size();
    }

    private void track(DocumentKey key, int entries) {
        ConcurrentMap<Object, Integer> counts = pendingIn(key.collection());
        if (entries == 0) {
            counts.remove(key.id());
        } else {
            counts.put(key.id(), entries);
        }
    }

    private ConcurrentMap<Object, Integer> pendingIn(String collection) {
        return pending.computeIfAbsent(collection, c -> new ConcurrentHashMap<>());
    }

    private Timer lag(String type) {
        return lagByType.computeIfAbsent(
                type,
                t -> Timer.builder("tango.outbox.relay.lag")
                        .description("From an event's occurrence to the broker's ack of its publication")
                        .tag("type", t)
                        .publishPercentileHistogram()
                        .register(meters));
    }

    private Mono<MongoCollection<Document>> collection(String name) {
        return mongo.getCollection(name);
    }

    private record DocumentKey(String collection, Object id) {

        @Override
        public String toString() {
            return collection + "/" + id;
        }
    }

    /** An entry this build cannot turn into an event (unknown type, payload that does not bind). */
    static final class PoisonEntryException extends RuntimeException {

        PoisonEntryException(OutboxEntry entry, RuntimeException cause) {
            super("Cannot publish outbox entry " + entry.eventId() + " of type " + entry.type(), cause);
        }
    }
}
