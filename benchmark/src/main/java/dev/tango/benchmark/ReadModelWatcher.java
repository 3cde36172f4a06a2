package dev.tango.benchmark;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.bson.Document;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * Sees when feedback-service's read models reflect a phase move, by reading their documents in the MongoDB-protocol
 * server in a tight loop: the student's session list ({@code tango_feedback.student_sessions}, one document per
 * student, the entry's {@code currentPhase}) and the session's insight ({@code tango_feedback.session_insights}, the
 * last of its {@code phases}), which the student dashboard is computed from. One query per collection per round, for
 * every move still awaited; the moment a move is seen is when the round's answer arrived, so the resolution is one
 * round (its mean is reported).
 */
final class ReadModelWatcher implements AutoCloseable {

    /** When each read model was first seen to reflect the move ({@link System#nanoTime()} scale). */
    record Seen(long studentSessionsNanos, long insightNanos) {
        long bothNanos() {
            return Math.max(studentSessionsNanos, insightNanos);
        }
    }

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final MongoCollection<Document> studentSessions;
    private final MongoCollection<Document> insights;
    private final Map<String, Awaited> awaited = new ConcurrentHashMap<>();
    private final AtomicLong rounds = new AtomicLong();
    private final AtomicLong roundNanos = new AtomicLong();
    private final AtomicLong lost = new AtomicLong();
    private final Thread loop;
    private volatile boolean running = true;

    private static final class Awaited {
        final String studentId;
        final String phase;
        final MonoSink<Seen> sink;
        final long since = System.nanoTime();
        long studentSessionsSeen;
        long insightSeen;

        Awaited(String studentId, String phase, MonoSink<Seen> sink) {
            this.studentId = studentId;
            this.phase = phase;
            this.sink = sink;
        }
    }

    ReadModelWatcher(MongoClient mongo) {
        var feedback = mongo.getDatabase("tango_feedback");
        this.studentSessions = feedback.getCollection("student_sessions");
        this.insights = feedback.getCollection("session_insights");
        this.loop = new Thread(this::watch, "read-model-watcher");
        this.loop.setDaemon(true);
        this.loop.start();
    }

    /** Completes once both read models show {@code sessionId} in {@code phase}; errors after a minute. */
    Mono<Seen> await(String sessionId, String studentId, String phase) {
        return Mono.create(sink -> {
            Awaited a = new Awaited(studentId, phase, sink);
            Awaited superseded = awaited.put(sessionId, a);
            if (superseded != null) {
                // One wait per session: an earlier one left behind (a move of this session cancelled as the
                // harness gave up on it) fails instead of waiting for ever (the full run hung in saturation).
                superseded.sink.error(new IllegalStateException("another move of " + sessionId + " is awaited"));
            }
            sink.onCancel(() -> awaited.remove(sessionId, a));
        });
    }

    /** Moves not reflected within a minute. */
    long lost() {
        return lost.get();
    }

    double meanRoundMillis() {
        long n = rounds.get();
        return n == 0 ? 0 : roundNanos.get() / 1e6 / n;
    }

    private void watch() {
        while (running) {
            if (awaited.isEmpty()) {
                LockSupport.parkNanos(200_000);
                continue;
            }
            long begin = System.nanoTime();
            try {
                round();
            } catch (RuntimeException e) {
                // The server is busy or restarting; the next round tries again.
                LockSupport.parkNanos(1_000_000);
            }
            rounds.incrementAndGet();
            roundNanos.addAndGet(System.nanoTime() - begin);
        }
    }

    private void round() {
        Map<String, Awaited> now = Map.copyOf(awaited);
        Set<String> students = now.values().stream()
                .filter(a -> a.studentSessionsSeen == 0)
                .map(a -> a.studentId)
                .collect(Collectors.toSet());
        if (!students.isEmpty()) {
            List<Document> found =
                    studentSessions.find(Filters.in("_id", students)).into(new ArrayList<>());
            long seen = System.nanoTime();
            for (Document student : found) {
                for (Document entry : student.getList("sessions", Document.class, List.of())) {
                    Awaited a = now.get(entry.getString("sessionId"));
                    if (a != null && a.studentSessionsSeen == 0 && a.phase.equals(entry.getString("currentPhase"))) {
                        a.studentSessionsSeen = seen;
                    }
                }
            }
        }
        List<String> sessions = now.entrySet().stream()
                .filter(e -> e.getValue().insightSeen == 0)
                .map(Map.Entry::getKey)
                .toList();
        if (!sessions.isEmpty()) {
            List<Document> found = insights.find(Filters.in("_id", sessions))
                    .projection(Projections.include("phases"))
                    .into(new ArrayList<>());
            long seen = System.nanoTime();
            for (Document insight : found) {
                List<Document> phases = insight.getList("phases", Document.class, List.of());
                Awaited a = now.get(insight.getString("_id"));
                if (a != null
                        && a.insightSeen == 0
                        && !phases.isEmpty()
                        && a.phase.equals(phases.get(phases.size() - 1).getString("phase"))) {
                    a.insightSeen = seen;
                }
            }
        }
        long deadline = System.nanoTime() - PATIENCE.toNanos();
        now.forEach((sessionId, a) -> {
            if (a.studentSessionsSeen != 0 && a.insightSeen != 0) {
                awaited.remove(sessionId, a);
                a.sink.success(new Seen(a.studentSessionsSeen, a.insightSeen));
            } else if (a.since < deadline) {
                awaited.remove(sessionId, a);
                lost.incrementAndGet();
                a.sink.error(new IllegalStateException("phase move of " + sessionId + " not reflected in " + PATIENCE));
            }
        });
    }

    @Override
    public void close() {
        running = false;
        loop.interrupt();
    }
}
