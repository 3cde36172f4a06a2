package dev.tango.reliability.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Drives simulated practice sessions through their whole lifecycle through the gateway, many at once: an admin
 * schedules, starts, moves through the phases, appends transcript turns and ends; the assigned mentor records
 * observations (markers of each phase visited, some anti-signals), retracts one, writes a comment published alone and
 * a draft, and publishes the scorecard once the session ended. Every write carries an {@code Idempotency-Key} and is
 * retried with the same key while the answer is missing, a 5xx, or a 404/409 of a service that has not caught up
 * with the events yet. Only what was ACCEPTED (2xx) goes into the {@link ExpectedSession}s; a step that is finally
 * refused ends that session's script.
 */
final class LoadDriver {

    static final String PROGRAM = "pcc-2026";

    private static final List<List<String>> PATHS = List.of(
            List.of("EXPLORING", "MEANING_MAKING", "ACTION_PLANNING", "CLOSING"),
            List.of("MEANING_MAKING", "EXPLORING", "ACTION_PLANNING", "CLOSING"),
            List.of("EXPLORING", "ACTION_PLANNING", "MEANING_MAKING", "ACTION_PLANNING", "CLOSING"));

    /** Markers of the built-in partnership rubric, per phase, in the order a session observes them. */
    private static final Map<String, List<String>> MARKERS = Map.of(
            "OPENING", List.of("opening.work-together", "opening.what-matters", "opening.move-forward"),
            "EXPLORING", List.of("exploring.check-progress", "exploring.build-on-learning"),
            "MEANING_MAKING",
                    List.of(
                            "meaning-making.whole-picture",
                            "meaning-making.connections",
                            "meaning-making.not-yet-thought"),
            "ACTION_PLANNING",
                    List.of(
                            "action-planning.still-in-mind",
                            "action-planning.move-forward",
                            "action-planning.plan",
                            "action-planning.support"),
            "CLOSING", List.of("closing.learning", "closing.not-reached"));

    private static final List<String> ANTI_SIGNALS =
            List.of("anti.makes-meaning", "anti.problem-focus", "anti.leads", "anti.completes-sentences");

    /** Statuses that say the request was wrong, not that the platform was unwell: retrying cannot help. */
    private static final List<Integer> DEFINITE_REFUSALS = List.of(400, 401, 403, 413, 422);

    /** Events each accepted write causes on the topics (comments cause none). */
    private final Api api;

    private final Plan plan;
    private final String adminToken;
    private final List<Mentor> mentors;

    private final List<ExpectedSession> sessions = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger acceptedEvents = new AtomicInteger();
    private final LongAdder attempts = new LongAdder();
    private final LongAdder accepted = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final LongAdder unknown = new LongAdder();
    private final AtomicLong slowestMillis = new AtomicLong();
    private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    private final List<String> refusals = Collections.synchronizedList(new ArrayList<>());

    private ExecutorService pool;
    private CountDownLatch done;

    /**
     * What to drive.
     *
     * @param sessions how many sessions, each through its whole lifecycle (about 20 events each)
     * @param concurrency how many sessions at once
     * @param retryFor how long one write is retried before its session is given up
     * @param seed makes the scripts repeatable
     */
    record Plan(int sessions, int concurrency, Duration retryFor, long seed, String label) {}

    /** A mentor as the load uses one: the id sessions are assigned to and a token that acts as them. */
    record Mentor(String id, String token) {}

    LoadDriver(Api api, Plan plan, String adminToken, List<Mentor> mentors) {
        this.api = api;
        this.plan = plan;
        this.adminToken = adminToken;
        this.mentors = List.copyOf(mentors);
    }

    /** Starts driving in the background; {@link #awaitDone} waits for the end. */
    LoadDriver start() {
        pool = Executors.newFixedThreadPool(plan.concurrency(), runnable -> {
            Thread thread = new Thread(runnable, "load-" + plan.label());
            thread.setDaemon(true);
            return thread;
        });
        done = new CountDownLatch(plan.sessions());
        for (int i = 0; i < plan.sessions(); i++) {
            int index = i;
            pool.execute(() -> {
                try {
                    drive(index);
                } catch (RuntimeException e) {
                    refusals.add("session " + index + " failed: " + e);
                } finally {
                    done.countDown();
                }
            });
        }
        pool.shutdown();
        return this;
    }

    boolean awaitDone(Duration patience) throws InterruptedException {
        return done.await(patience.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean isDone() {
        return done != null && done.getCount() == 0;
    }

    void stopNow() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    int acceptedEvents() {
        return acceptedEvents.get();
    }

    long attempts() {
        return attempts.sum();
    }

    List<ExpectedSession> sessions() {
        synchronized (sessions) {
            return List.copyOf(sessions);
        }
    }

    List<String> refusals() {
        synchronized (refusals) {
            return List.copyOf(refusals);
        }
    }

    String summary() {
        return String.format(
                java.util.Locale.ROOT,
                "%d sessions, %d events accepted; %d requests (%d accepted, %d retries, %d refused, %d unknown"
                        + " outcome), slowest answer %d ms; statuses %s",
                sessions().size(),
                acceptedEvents(),
                attempts.sum(),
                accepted.sum(),
                retries.sum(),
                refused.sum(),
                unknown.sum(),
                slowestMillis.get(),
                new java.util.TreeMap<>(statuses));
    }

    long unknownOutcomes() {
        return unknown.sum();
    }

    private void drive(int index) {
        Random random = new Random(plan.seed() * 7919 + index);
        Mentor mentor = mentors.get(index % mentors.size());
        String student = "load-student-" + (index % 25);
        String created = "{\"programId\":\"" + PROGRAM + "\",\"studentId\":\"" + student + "\",\"mentorIds\":[\""
                + mentor.id() + "\"],\"mode\":\"LIVE\",\"goal\":\"" + plan.label() + " load " + index + "\"}";
        Api.Reply schedule = write(null, adminToken, "POST", "/api/sessions", created);
        if (!schedule.accepted()) {
            return;
        }
        ExpectedSession s = new ExpectedSession(schedule.json().getString("id"), student, mentor.id());
        sessions.add(s);
        events(1);
        String base = "/api/sessions/" + s.id;
        String scoring = "/api/scoring/sessions/" + s.id;
        if (!write(s, adminToken, "POST", base + "/start", null).accepted()) {
            return;
        }
        s.status = "IN_PROGRESS";
        s.phases.add("OPENING");
        events(2);
        long clock = 0;
        Map<String, Integer> markerUse = new java.util.HashMap<>();
        List<String> path = new ArrayList<>(List.of("OPENING"));
        path.addAll(PATHS.get(index % PATHS.size()));
        for (int step = 0; step < path.size(); step++) {
            String phase = path.get(step);
            if (step > 0) {
                if (!write(s, adminToken, "POST", base + "/phase", "{\"phase\":\"" + phase + "\"}")
                        .accepted()) {
                    return;
                }
                s.phases.add(phase);
                events(1);
            }
            if (random.nextInt(3) > 0) {
                clock += 1_000 + random.nextInt(5_000);
                String segment = "{\"segments\":[{\"speaker\":\"" + (random.nextBoolean() ? "COACH" : "CLIENT")
                        + "\",\"text\":\"turn " + step + " of " + plan.label() + "\",\"startMs\":" + clock
                        + ",\"endMs\":" + (clock + 800) + "}]}";
                if (!write(s, adminToken, "POST", base + "/transcript/segments", segment)
                        .accepted()) {
                    return;
                }
                s.transcriptBatches++;
                s.transcriptSegments++;
                events(1);
            }
            List<String> markers = MARKERS.get(phase);
            int used = markerUse.merge(phase, 1, Integer::sum) - 1;
            if (used < markers.size()) {
                if (!observe(s, mentor, scoring, "{\"kind\":\"MARKER\",\"itemId\":\"" + markers.get(used) + "\"}")) {
                    return;
                }
            }
            if (random.nextInt(3) == 0) {
                String anti = ANTI_SIGNALS.get(random.nextInt(ANTI_SIGNALS.size()));
                if (!observe(
                        s,
                        mentor,
                        scoring,
                        "{\"kind\":\"ANTI_SIGNAL\",\"itemId\":\"" + anti + "\",\"phase\":\"" + phase + "\"}")) {
                    return;
                }
            }
        }
        String comments = "/api/feedback/sessions/" + s.id + "/comments";
        Api.Reply alone = write(
                s,
                mentor.token(),
                "POST",
                comments,
                "{\"body\":\"Well followed (" + plan.label() + ")\",\"kind\":\"STRENGTH\",\"publish\":true}");
        if (!alone.accepted()) {
            return;
        }
        s.commentsPublishedAlone.add(alone.json().getString("id"));
        Api.Reply draft = write(
                s,
                mentor.token(),
                "POST",
                comments,
                "{\"body\":\"Let the client choose (" + plan.label() + ")\",\"kind\":\"SUGGESTION\"}");
        if (!draft.accepted()) {
            return;
        }
        s.drafts.add(draft.json().getString("id"));
        String first = s.observations.keySet().iterator().next();
        if (!write(s, mentor.token(), "POST", scoring + "/observations/" + first + "/retract", "{\"reason\":\"load\"}")
                .accepted()) {
            return;
        }
        s.observations.put(first, true);
        events(1);
        if (!write(s, adminToken, "POST", base + "/end", null).accepted()) {
            return;
        }
        s.status = "ENDED";
        events(1);
        Api.Reply published = write(s, mentor.token(), "POST", scoring + "/scorecards/mine/publish", null);
        if (!published.accepted()) {
            return;
        }
        s.publishedRevision = published.json().getInteger("revision");
        s.draftsPublishedWithScorecard.addAll(s.drafts);
        events(1);
    }

    private boolean observe(ExpectedSession s, Mentor mentor, String scoring, String body) {
        Api.Reply recorded = write(s, mentor.token(), "POST", scoring + "/observations", body);
        if (!recorded.accepted()) {
            return false;
        }
        s.observations.put(recorded.json().getString("id"), false);
        events(1);
        return true;
    }

    private void events(int count) {
        acceptedEvents.addAndGet(count);
    }

    /**
     * One write, retried with the same key until it is accepted, definitely refused, or {@link Plan#retryFor} has
     * passed. If some try got no answer or a 5xx and the write was not accepted in the end, its outcome is unknown.
     */
    private Api.Reply write(ExpectedSession s, String token, String method, String path, String json) {
        String key = UUID.randomUUID().toString();
        long deadline = System.nanoTime() + plan.retryFor().toNanos();
        boolean ambiguous = false;
        long backoff = 100;
        while (true) {
            Api.Reply reply = api.send(token, method, path, json, key);
            attempts.increment();
            statuses.computeIfAbsent(reply.status(), status -> new LongAdder()).increment();
            slowestMillis.accumulateAndGet(reply.took().toMillis(), Math::max);
            if (reply.accepted()) {
                accepted.increment();
                return reply;
            }
            ambiguous |= !reply.answered() || reply.status() >= 500;
            boolean definite = DEFINITE_REFUSALS.contains(reply.status());
            if (definite || System.nanoTime() > deadline) {
                if (ambiguous && !definite) {
                    unknown.increment();
                    if (s != null) {
                        s.unknownOutcomes++;
                    }
                } else {
                    refused.increment();
                }
                refusals.add(method + " " + path + " " + json + " -> " + reply);
                return reply;
            }
            retries.increment();
            pause(backoff);
            backoff = Math.min(2_000, backoff * 2);
        }
    }

    /** The client's back-off between two tries of a write (not a wait for an event). */
    private static void pause(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("load interrupted", e);
        }
    }
}
