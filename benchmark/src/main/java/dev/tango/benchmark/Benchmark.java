package dev.tango.benchmark;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import dev.tango.local.Component;
import dev.tango.local.DemoUser;
import dev.tango.local.GatewayClient;
import dev.tango.local.LocalStack;
import dev.tango.local.ServiceJwts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;
import reactor.core.publisher.Mono;

/**
 * The benchmark: starts the embedded default (every part its own OS process), drives simulated practice sessions
 * through the gateway, and prints each figure of BENCHMARKS.md with the machine, the settings and the load average.
 *
 * <p>{@code java -cp … dev.tango.benchmark.Benchmark [full|smoke] [report.md]}; normally run by {@code ./mvnw -B -pl
 * benchmark -am verify -Pbenchmark}.
 */
public final class Benchmark {

    private static final Duration STARTUP_PATIENCE = Duration.ofSeconds(600);

    /** How long after a fixed-rate schedule the moves still under way may take before they count as not completed. */
    private static final Duration FIXED_RATE_GRACE = Duration.ofSeconds(30);

    private final Settings settings;
    private final Path dataDir;
    private final Report report;
    private final Consumer<String> out;

    private LocalStack stack;
    private Http http;
    private MongoClient mongo;
    private ReadModelWatcher watcher;
    private Tango edge;
    private Http.Caller admin;
    private final List<Http.Caller> mentors = new ArrayList<>();
    private final List<String> studentIds = new ArrayList<>();
    private final Map<String, Http.Caller> students = new ConcurrentHashMap<>();
    private final List<SimSession> ended = new ArrayList<>();
    private final List<SimSession> running = new ArrayList<>();
    private Map<Component, Long> cpuMark = new EnumMap<>(Component.class);
    private long wallMark;

    private Benchmark(Settings settings, Path dataDir, Consumer<String> out) {
        this.settings = settings;
        this.dataDir = dataDir;
        this.report = new Report(out);
        this.out = out;
    }

    public static void main(String[] args) throws IOException {
        Settings settings = Settings.of(args.length > 0 ? args[0] : "full");
        Path dataDir = Files.createTempDirectory("tango-benchmark");
        Report report = run(settings, dataDir, System.out::println);
        if (args.length > 1) {
            Files.writeString(Path.of(args[1]), report.text());
        }
    }

    /** Runs the whole benchmark with these settings and returns its report; the stack is stopped at the end. */
    static Report run(Settings settings, Path dataDir, Consumer<String> out) {
        Benchmark benchmark = new Benchmark(settings, dataDir, out);
        try {
            benchmark.runAll();
        } finally {
            benchmark.close();
        }
        return benchmark.report;
    }

    private void runAll() {
        report.add("# Tango benchmark (" + settings.mode() + ")");
        report.add("");
        report.add("Started " + Instant.now());
        report.section("Machine");
        Machine.describe().forEach(report::bullet);
        report.section("Settings");
        report.bullet(settings.toString());

        startStack();
        setUpUsers();
        lifecycles();
        startRunningSessions();
        endToEnd();
        httpFigures();
        baselines();
        scale();
        resourcesAtEnd();
        report.add("");
        report.add("Finished " + Instant.now() + "; load average (1/5/15 min): " + ProcessStats.loadAverage());
    }

    // ---- the stack ------------------------------------------------------------------------------------------------

    private void startStack() {
        report.section("Stack startup");
        stack = LocalStack.builder()
                .dataDir(dataDir.resolve("stack"))
                .freePorts()
                .jvmOptions(settings.jvmOptions())
                .startupTimeout(STARTUP_PATIENCE)
                .progress(out)
                .build()
                .start();
        Map<Component, Long> rss = stack.residentMemory();
        long total = rss.values().stream().mapToLong(Long::longValue).sum();
        report.bullet(String.format(
                Locale.ROOT,
                "all healthy in %.1f s (Kafka and Mongo in %.1f s), JVM options %s; total RSS %d MB: %s",
                stack.startupTime().toMillis() / 1000.0,
                stack.infrastructureStartupTime().toMillis() / 1000.0,
                settings.jvmOptions(),
                total >> 20,
                megabytes(rss)));
        report.figure("startup.seconds", stack.startupTime().toMillis() / 1000.0);
        report.figure("startup.rssMb", total >> 20);
        http = new Http(Math.max(64, settings.saturationConcurrency() + settings.httpConcurrency()));
        mongo = MongoClients.create(stack.mongoUri());
        watcher = new ReadModelWatcher(mongo);
        edge = new Tango(http, stack.gatewayUrl());
        markCpu();
    }

    private void setUpUsers() {
        report.section("Users");
        DemoUser demoAdmin = stack.demoUsers().stream()
                .filter(user -> "ADMIN".equals(user.role()))
                .findFirst()
                .orElseThrow();
        try {
            admin = Http.Caller.bearer(
                    demoAdmin.id(),
                    new GatewayClient(stack.gatewayUrl())
                            .issueApiToken(demoAdmin, "benchmark", Instant.now().plus(Duration.ofHours(6))));
        } catch (IOException e) {
            throw new IllegalStateException("no admin API token", e);
        }
        String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        List<String> mentorIds = new ArrayList<>();
        for (int i = 0; i < settings.mentors(); i++) {
            mentorIds.add(edge.createUser(admin, "bench-mentor-" + run + "-" + i, "MENTOR"));
        }
        for (int i = 0; i < settings.students(); i++) {
            studentIds.add(edge.createUser(admin, "bench-student-" + run + "-" + i, "STUDENT"));
        }
        for (String id : mentorIds) {
            mentors.add(edge.personalToken(admin, id));
        }
        for (String id : studentIds) {
            students.put(id, edge.personalToken(admin, id));
        }
        report.bullet(settings.mentors() + " mentors and " + settings.students()
                + " students created through POST /api/users; each calls with a personal API token acting as them"
                + " (POST /api/tokens {name, user}); the demo admin's API token schedules the sessions");
    }

    private Http.Caller studentCaller(String studentId) {
        return students.get(studentId);
    }

    // ---- whole sessions -------------------------------------------------------------------------------------------

    private void lifecycles() {
        report.section("Whole practice sessions through the edge");
        Map<String, Latency> steps = new ConcurrentHashMap<>();
        AtomicInteger failures = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(settings.lifecycleConcurrency());
        long begin = System.nanoTime();
        List<Future<SimSession>> futures = new ArrayList<>();
        for (int i = 0; i < settings.lifecycles(); i++) {
            int n = i;
            futures.add(pool.submit(() -> lifecycle(n, steps)));
        }
        for (Future<SimSession> future : futures) {
            try {
                ended.add(future.get());
            } catch (Exception e) {
                failures.incrementAndGet();
                report.bullet("lifecycle failed: " + e.getMessage());
            }
        }
        long httpDone = System.nanoTime();
        pool.shutdown();
        // Every lifecycle is in the read models: the insight has the mentor's published scorecard.
        List<String> ids = ended.stream().map(s -> s.id).toList();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        long reflected = 0;
        while (System.nanoTime() < deadline) {
            reflected = mongo.getDatabase("tango_feedback")
                    .getCollection("session_insights")
                    .countDocuments(Filters.and(
                            Filters.in("_id", ids), Filters.eq("status", "ENDED"), Filters.exists("scorecards.0")));
            if (reflected == ids.size()) {
                break;
            }
            pause(50);
        }
        long done = System.nanoTime();
        int requests = 15;
        report.bullet(String.format(
                Locale.ROOT,
                "%d sessions, %d at a time, each: create, start, 4 phase moves (opening to closing), 2 transcript"
                        + " batches of 2 turns, 3 observations, 2 comments, end, publish the scorecard, the student"
                        + " reads the dashboard (%d requests)",
                settings.lifecycles(),
                settings.lifecycleConcurrency(),
                requests));
        report.bullet(String.format(
                Locale.ROOT,
                "%d completed, %d failed; HTTP part in %.1f s (%.1f sessions/s, %.0f requests/s); all %d in the"
                        + " feedback read model (ended, scorecard published) %.1f s after the start",
                ended.size(),
                failures.get(),
                (httpDone - begin) / 1e9,
                ended.size() * 1e9 / (httpDone - begin),
                ended.size() * (double) (requests) * 1e9 / (httpDone - begin),
                reflected,
                (done - begin) / 1e9));
        steps.forEach((step, latency) -> report.bullet(
                String.format(Locale.ROOT, "%-22s %s (%d calls)", step, latency.summary(), latency.count())));
        report.figure("lifecycle.completed", ended.size());
        report.figure("lifecycle.failed", failures.get());
        report.figure("lifecycle.reflected", reflected);
        cpuSince("whole sessions");
    }

    private SimSession lifecycle(int n, Map<String, Latency> steps) {
        String studentId = studentIds.get(n % studentIds.size());
        Http.Caller mentor = mentors.get(n % mentors.size());
        Http.Reply created = step(steps, "create", () -> edge.schedule(admin, studentId, mentor.name()), 201);
        SimSession session = new SimSession(Tango.idOf(created), studentId, mentor);
        step(steps, "start", () -> edge.start(session), 200);
        int batch = 0;
        for (String phase : List.of("EXPLORING", "MEANING_MAKING", "ACTION_PLANNING", "CLOSING")) {
            step(steps, "phase move", () -> edge.enterPhase(session, phase), 200);
            if (batch < 2) {
                int b = batch++;
                step(steps, "transcript segments", () -> edge.appendSegments(session, b), 200);
            }
        }
        for (String marker : Tango.MARKERS) {
            untilNoConflict(steps, "observation", () -> edge.observe(session, marker), 201);
        }
        step(steps, "comment", () -> edge.comment(session), 201);
        step(steps, "comment", () -> edge.comment(session), 201);
        step(steps, "end", () -> edge.end(session), 200);
        untilNoConflict(steps, "publish scorecard", () -> edge.publishScorecard(session), 200);
        step(steps, "student dashboard", () -> edge.dashboard(studentCaller(studentId), studentId), 200);
        return session;
    }

    private static Http.Reply step(
            Map<String, Latency> steps, String name, Supplier<Mono<Http.Reply>> call, int status) {
        long begin = System.nanoTime();
        Http.Reply reply = call.get().block();
        steps.computeIfAbsent(name, k -> new Latency()).recordNanos(System.nanoTime() - begin);
        return Tango.require(reply, status, name);
    }

    /**
     * Scoring learns that a session started or ended through the session events: until then an observation or a
     * publication answers 409, and the mentor tries again (for up to a minute).
     */
    private static void untilNoConflict(
            Map<String, Latency> steps, String name, Supplier<Mono<Http.Reply>> call, int status) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        Http.Reply reply = timed(steps, name, call);
        while (reply.status() == 409 && System.nanoTime() < until) {
            pause(100);
            reply = timed(steps, name, call);
        }
        Tango.require(reply, status, name);
    }

    private static Http.Reply timed(Map<String, Latency> steps, String name, Supplier<Mono<Http.Reply>> call) {
        long begin = System.nanoTime();
        Http.Reply reply = call.get().block();
        steps.computeIfAbsent(name, k -> new Latency()).recordNanos(System.nanoTime() - begin);
        if (reply == null) {
            throw new IllegalStateException(name + " answered nothing");
        }
        return reply;
    }

    private void startRunningSessions() {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(16, settings.runningSessions()));
        List<Future<SimSession>> futures = new ArrayList<>();
        for (int i = 0; i < settings.runningSessions(); i++) {
            int n = i;
            futures.add(pool.submit(() -> {
                String studentId = studentIds.get(n % studentIds.size());
                Http.Caller mentor = mentors.get(n % mentors.size());
                SimSession session = new SimSession(
                        Tango.idOf(Tango.require(
                                edge.schedule(admin, studentId, mentor.name()).block(), 201, "create")),
                        studentId,
                        mentor);
                Tango.require(edge.start(session).block(), 200, "start");
                return session;
            }));
        }
        for (Future<SimSession> future : futures) {
            try {
                running.add(future.get());
            } catch (Exception e) {
                throw new IllegalStateException("could not start the running sessions", e);
            }
        }
        pool.shutdown();
        markCpu();
    }

    // ---- end to end -----------------------------------------------------------------------------------------------

    private record Move(
            Latency intendedToStudentSessions, Latency intendedToInsight, Latency acceptedToBoth, Latency edgeAnswer) {
        Move() {
            this(new Latency(), new Latency(), new Latency(), new Latency());
        }
    }

    /** One phase move through the edge, then the wait until both read models show it; latencies from {@code from}. */
    private Mono<Boolean> move(SessionPool pool, long from, Move figures) {
        // Bounded: a harness that lost its sessions must not wait for ever (seen once, in saturation after an
        // unsustained 1,000 moves/s); such a move counts as failed.
        return pool.take().timeout(TAKE_PATIENCE).flatMap(session -> {
            String phase = session.nextPhase();
            return edge.enterPhase(session, phase)
                    .flatMap(reply -> {
                        long accepted = System.nanoTime();
                        figures.edgeAnswer().recordNanos(accepted - from);
                        if (reply.status() != 200) {
                            return Mono.just(false);
                        }
                        session.phase = phase;
                        session.moves++;
                        return watcher.await(session.id, session.studentId, phase)
                                .map(seen -> {
                                    figures.intendedToStudentSessions().recordNanos(seen.studentSessionsNanos() - from);
                                    figures.intendedToInsight().recordNanos(seen.insightNanos() - from);
                                    figures.acceptedToBoth().recordNanos(seen.bothNanos() - accepted);
                                    return true;
                                })
                                .onErrorReturn(false);
                    })
                    .doOnCancel(() -> resync(pool, session))
                    .doOnTerminate(() -> pool.giveBack(session));
        });
    }

    /** A whole move in a closed loop, bounded: an answer within 30 s and the read models within the watcher's minute. */
    private Mono<Boolean> boundedMove(SessionPool pool, long from, Move figures) {
        return move(pool, from, figures).timeout(MOVE_PATIENCE).onErrorReturn(false);
    }

    private static final Duration MOVE_PATIENCE = Duration.ofSeconds(120);

    /**
     * A move cancelled in flight (a fixed rate that was not sustained) may or may not have reached the session service:
     * the session goes back to the pool once its phase has been read again.
     */
    private void resync(SessionPool pool, SimSession session) {
        http.get(stack.sessionServiceUrl() + "/api/sessions/" + session.id, serviceJwt(session.mentor.name(), "MENTOR"))
                .subscribe(
                        reply -> {
                            Matcher phase = CURRENT_PHASE.matcher(reply.body());
                            if (phase.find()) {
                                session.phase = phase.group(1);
                            }
                            pool.giveBack(session);
                        },
                        error -> pool.giveBack(session));
    }

    private static final Duration TAKE_PATIENCE = Duration.ofSeconds(30);

    private static final Pattern CURRENT_PHASE = Pattern.compile("\"currentPhase\"\\s*:\\s*\"([A-Z_]+)\"");

    private void endToEnd() {
        report.section("End to end: a phase move at the edge until the student's dashboard read models show it");
        report.bullet("measured from the intended send time of POST /api/sessions/{id}/phase at the gateway (fixed"
                + " rate: the schedule's tick, so a late send counts its delay; no coordinated omission) until the"
                + " harness first reads the move in tango_feedback.student_sessions (the student's session list) and"
                + " in tango_feedback.session_insights (what the dashboard is computed from), polling both"
                + " collections by id in a loop; 'accepted' is from the gateway's 200 to both seen");
        SessionPool pool = new SessionPool(running);
        for (double rate : settings.rates()) {
            Move figures = new Move();
            long lostBefore = watcher.lost();
            Load.Result result = Load.fixedRate(
                    "moves",
                    rate,
                    settings.rateDuration(),
                    FIXED_RATE_GRACE,
                    figures.intendedToInsight(),
                    from -> move(pool, from, figures));
            long lost = watcher.lost() - lostBefore;
            String name = String.format(Locale.ROOT, "%.0f moves/s", rate);
            report.add("");
            report.add(String.format(
                    Locale.ROOT,
                    "**%s** for %d s: %d moves scheduled, %d failed, lost or not completed within %d s after the"
                            + " schedule (the rate was not sustained if any), %.0f moves/s completed; load average %s",
                    name,
                    settings.rateDuration().toSeconds(),
                    result.calls(),
                    result.errors(),
                    FIXED_RATE_GRACE.toSeconds(),
                    result.perSecond(),
                    ProcessStats.loadAverage()));
            reportMove(figures);
            report.figure(
                    "e2e." + (int) rate + ".p99Ms", figures.intendedToInsight().percentileMillis(99));
            report.figure("e2e." + (int) rate + ".moves", result.calls());
            report.figure(
                    "e2e." + (int) rate + ".reflected",
                    figures.intendedToInsight().count());
            report.figure("e2e." + (int) rate + ".lost", lost);
            cpuSince(name);
        }

        // Saturation: every session moves again as soon as its previous move was reflected.
        int idleAtStart = pool.idle();
        Move figures = new Move();
        long lostBefore = watcher.lost();
        AtomicLong reflectedMoves = new AtomicLong();
        Load.Result result = Load.closedLoop(
                "saturation", settings.saturationConcurrency(), Duration.ZERO, settings.saturation(), () -> {
                    long from = System.nanoTime();
                    return boundedMove(pool, from, figures).doOnNext(ok -> {
                        if (ok) {
                            reflectedMoves.incrementAndGet();
                        }
                    });
                });
        long lost = watcher.lost() - lostBefore;
        double throughput = result.perSecond();
        report.add("");
        report.add(String.format(
                Locale.ROOT,
                "**saturation**: %d sessions each moving again as soon as its last move is in both read models, for"
                        + " %d s: %d moves reflected, %d failed, %d lost; **%.0f moves/s through the whole pipeline**"
                        + " (each move: 1 event, consumed by 3 projections); %d of %d sessions idle at the start;"
                        + " load average %s",
                settings.saturationConcurrency(),
                settings.saturation().toSeconds(),
                result.calls() - result.errors(),
                result.errors(),
                lost,
                throughput,
                idleAtStart,
                running.size(),
                ProcessStats.loadAverage()));
        reportMove(figures);
        report.figure("pipeline.movesPerSecond", throughput);
        report.figure("pipeline.lost", lost + result.errors());
        cpuSince("saturation");
    }

    private void reportMove(Move figures) {
        report.bullet(
                "to student_sessions: " + figures.intendedToStudentSessions().summary());
        report.bullet("to session_insights: " + figures.intendedToInsight().summary());
        report.bullet(
                "from the gateway's 200 to both: " + figures.acceptedToBoth().summary());
        report.bullet("the gateway's answer: " + figures.edgeAnswer().summary());
        report.bullet(
                String.format(Locale.ROOT, "watcher round (resolution): %.1f ms mean", watcher.meanRoundMillis()));
    }

    // ---- HTTP -----------------------------------------------------------------------------------------------------

    private void httpFigures() {
        report.section("HTTP: hot reads and writes, through the edge and directly");
        report.bullet(settings.httpConcurrency() + " callers in a closed loop (each sends again when answered), "
                + settings.httpWarmup().toMillis() + " ms warm-up then "
                + settings.httpDuration().toSeconds()
                + " s measured; latency is the service time (send to answer); reads pick a random ended session of"
                + " the whole-session run (with a published scorecard, comments and observations) and its student");
        List<Load.Result> results = new ArrayList<>();
        Tango session = new Tango(http, stack.sessionServiceUrl());
        Tango scoring = new Tango(http, stack.scoringServiceUrl());
        Tango feedback = new Tango(http, stack.feedbackServiceUrl());

        results.add(closed("student dashboard, edge", () -> {
            SimSession s = anyEnded();
            return edge.dashboard(studentCaller(s.studentId), s.studentId);
        }));
        results.add(closed("student dashboard, feedback-service", () -> {
            SimSession s = anyEnded();
            return feedback.dashboard(serviceJwt(s.studentId, "STUDENT"), s.studentId);
        }));
        results.add(closed("session page, edge", () -> {
            SimSession s = anyEnded();
            return edge.sessionPage(studentCaller(s.studentId), s.id);
        }));
        results.add(closed("session page, feedback-service", () -> {
            SimSession s = anyEnded();
            return feedback.sessionPage(serviceJwt(s.studentId, "STUDENT"), s.id);
        }));
        results.add(closed("scorecard, edge", () -> {
            SimSession s = anyEnded();
            return edge.scorecards(studentCaller(s.studentId), s.id);
        }));
        results.add(closed("scorecard, scoring-service", () -> {
            SimSession s = anyEnded();
            return scoring.scorecards(serviceJwt(s.studentId, "STUDENT"), s.id);
        }));

        SessionPool pool = new SessionPool(running);
        results.add(closed(
                "phase move, edge",
                () -> pool.take().flatMap(s -> {
                    String phase = s.nextPhase();
                    return edge.enterPhase(s, phase)
                            .doOnNext(reply -> s.phase = reply.ok() ? phase : s.phase)
                            .doFinally(signal -> pool.giveBack(s));
                })));
        results.add(closed(
                "phase move, session-service",
                () -> pool.take().flatMap(s -> {
                    String phase = s.nextPhase();
                    SimSession direct = new SimSession(s.id, s.studentId, serviceJwt(s.mentor.name(), "MENTOR"));
                    return session.enterPhase(direct, phase)
                            .doOnNext(reply -> s.phase = reply.ok() ? phase : s.phase)
                            .doFinally(signal -> pool.giveBack(s));
                })));
        AtomicInteger marker = new AtomicInteger();
        results.add(closed("observation, edge", () -> {
            SimSession s = running.get(ThreadLocalRandom.current().nextInt(running.size()));
            return edge.observe(s, Tango.MARKERS[marker.getAndIncrement() % Tango.MARKERS.length]);
        }));
        results.add(closed("observation, scoring-service", () -> {
            SimSession s = running.get(ThreadLocalRandom.current().nextInt(running.size()));
            SimSession direct = new SimSession(s.id, s.studentId, serviceJwt(s.mentor.name(), "MENTOR"));
            return scoring.observe(direct, Tango.MARKERS[marker.getAndIncrement() % Tango.MARKERS.length]);
        }));
        for (Load.Result result : results) {
            report.add("    " + result.line());
            String key = "http." + result.name().replaceAll("[^a-z]+", "-");
            report.figure(key + ".perSecond", result.perSecond());
            report.figure(key + ".errors", result.errors());
            report.figure(key + ".p99Ms", result.latency().percentileMillis(99));
        }
        report.bullet("load average after: " + ProcessStats.loadAverage());
        cpuSince("HTTP figures");
    }

    private final Map<String, Http.Caller> jwtCache = new ConcurrentHashMap<>();
    private volatile long jwtSignedAt;

    /** A service JWT as the gateway would mint for this user (valid two minutes; re-signed after one). */
    private Http.Caller serviceJwt(String subject, String role) {
        if (System.nanoTime() - jwtSignedAt > TimeUnit.MINUTES.toNanos(1)) {
            jwtCache.clear();
            jwtSignedAt = System.nanoTime();
        }
        return jwtCache.computeIfAbsent(
                subject,
                s -> Http.Caller.bearer(
                        s, ServiceJwts.sign(stack, s, List.of(role), List.of(Tango.PROGRAM), "Bench " + s)));
    }

    private SimSession anyEnded() {
        return ended.get(ThreadLocalRandom.current().nextInt(ended.size()));
    }

    private Load.Result closed(String name, Supplier<Mono<Http.Reply>> call) {
        return Load.closedLoop(
                name,
                settings.httpConcurrency(),
                settings.httpWarmup(),
                settings.httpDuration(),
                () -> call.get().map(Http.Reply::ok));
    }

    // ---- baselines ------------------------------------------------------------------------------------------------

    private void baselines() {
        report.section("Baselines on the same machine, same run");
        Load.Result trivial = trivialWebFlux();
        report.add("    " + trivial.line());
        report.figure("baseline.webflux.perSecond", trivial.perSecond());

        Baselines.Sample sample = Baselines.sampleSessionEvents(stack.kafkaBootstrap(), 200);
        Baselines.KafkaFigures kafka = Baselines.kafka(stack.kafkaBootstrap(), sample, settings.kafkaMessages());
        report.bullet(kafka.line());
        report.figure("baseline.kafka.producePerSecond", kafka.producedPerSecond());
        report.figure("baseline.kafka.consumePerSecond", kafka.consumedPerSecond());

        List<Document> shapes = documentShapes();
        Baselines.MongoFigures raw =
                Baselines.mongo(mongo, shapes, settings.httpConcurrency(), settings.mongoDuration());
        report.bullet(raw.line() + "; shapes: one document each of tango_session.sessions,"
                + " tango_scoring.session_timelines, tango_feedback.student_sessions and"
                + " tango_feedback.session_insights from the run ("
                + shapes.stream()
                        .map(d -> Integer.toString(d.toJson().length()))
                        .reduce((a, b) -> a + ", " + b)
                        .orElse("")
                + " bytes as JSON)");
        report.figure("baseline.mongo.updatesPerSecond", raw.updatesPerSecond());

        // The limits and the pipeline's share of them.
        double pipeline = report.figures().getOrDefault("pipeline.movesPerSecond", 0.0);
        int writesPerMove = WRITES_PER_MOVE;
        double mongoLimit = raw.updatesPerSecond() / writesPerMove;
        double kafkaLimit = Math.min(kafka.producedPerSecond(), kafka.consumedPerSecond() / 3);
        double limit = Math.min(mongoLimit, kafkaLimit);
        report.bullet(String.format(
                Locale.ROOT,
                "limit the storage sets: %.0f replaces/s / %d writes per phase move = %.0f moves/s; the broker: min(produce"
                        + " %.0f/s, consume %.0f/s / 3 consumer groups) = %.0f moves/s",
                raw.updatesPerSecond(),
                writesPerMove,
                mongoLimit,
                kafka.producedPerSecond(),
                kafka.consumedPerSecond(),
                kafkaLimit));
        report.bullet(String.format(
                Locale.ROOT,
                "**pipeline %.0f moves/s = %.2f of the storage/broker limit (%.0f moves/s)** (target at least 0.5)",
                pipeline,
                pipeline / limit,
                limit));
        double dashboard = report.figures().getOrDefault("http.student-dashboard-edge.perSecond", 0.0);
        report.bullet(String.format(
                Locale.ROOT,
                "student dashboard through the edge %.0f /s = %.2f of the trivial WebFlux endpoint",
                dashboard,
                dashboard / trivial.perSecond()));
        report.figure("ratio.pipelineToLimit", pipeline / limit);
        cpuSince("baselines");
    }

    /**
     * Mongo writes of one phase move, counted from the code: session-service saves the session with the event in its
     * outbox (1) and the relay removes the published entry (1); scoring-service saves the timeline (1);
     * feedback-service saves the student's session list (1) and the session's insight (1). Each save is a replace
     * conditional on the version read just before (plus one read each, not counted).
     */
    static final int WRITES_PER_MOVE = 5;

    private List<Document> documentShapes() {
        String sessionId = ended.get(0).id;
        String studentId = ended.get(0).studentId;
        List<Document> shapes = new ArrayList<>();
        addShape(shapes, "tango_session", "sessions", sessionId);
        addShape(shapes, "tango_scoring", "session_timelines", sessionId);
        addShape(shapes, "tango_feedback", "student_sessions", studentId);
        addShape(shapes, "tango_feedback", "session_insights", sessionId);
        return shapes;
    }

    private void addShape(List<Document> shapes, String database, String collection, String id) {
        Document doc = mongo.getDatabase(database)
                .getCollection(collection)
                .find(Filters.eq("_id", id))
                .first();
        if (doc != null) {
            doc.remove("_id");
            shapes.add(doc);
        }
    }

    private Load.Result trivialWebFlux() {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(settings.jvmOptions());
        command.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                TrivialWebFluxServer.class.getName(),
                Integer.toString(port)));
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(dataDir.resolve("trivial-webflux.log").toFile())
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("could not start the trivial WebFlux server", e);
        }
        try {
            String url = "http://127.0.0.1:" + port + "/hello";
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (true) {
                Http.Reply reply =
                        http.get(url, null).onErrorReturn(new Http.Reply(0, "")).block();
                if (reply != null && reply.ok()) {
                    break;
                }
                if (System.nanoTime() > deadline || !process.isAlive()) {
                    throw new IllegalStateException("the trivial WebFlux server did not answer");
                }
                pause(100);
            }
            long cpuBefore = ProcessStats.cpuMillis(process.pid()).orElse(0);
            long wallBefore = System.nanoTime();
            Load.Result result = closed("trivial WebFlux endpoint (own JVM)", () -> http.get(url, null));
            long cpu = ProcessStats.cpuMillis(process.pid()).orElse(0) - cpuBefore;
            report.bullet(String.format(
                    Locale.ROOT,
                    "trivial WebFlux server: Spring WebFlux on Reactor Netty, one GET answering a small JSON object,"
                            + " JVM options %s; CPU %.0f%% of one core, RSS %d MB",
                    settings.jvmOptions(),
                    cpu * 1e8 / (System.nanoTime() - wallBefore),
                    ProcessStats.rssBytes(process.pid()).orElse(0) >> 20));
            return result;
        } finally {
            process.destroy();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process.destroyForcibly();
        }
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- scale ----------------------------------------------------------------------------------------------------

    private void scale() {
        report.section("Scale: stored sessions and a student's history");
        Seeder seeder = new Seeder(mongo, ended.get(0).id, ended.get(0).studentId);
        report.bullet("seeded directly into the MongoDB-protocol server: copies of one real session's documents in"
                + " every service's collections (" + String.join(", ", seeder.collections())
                + ") with new session and student ids, 10 sessions per seeded student, plus one student_sessions"
                + " document per student; the services are not told (their read paths are what is measured)");
        SessionPool pool = new SessionPool(running);
        for (int total : settings.storedSessions()) {
            long begin = System.nanoTime();
            int added = seeder.seedUpTo(total, 10);
            double seedSeconds = (System.nanoTime() - begin) / 1e9;
            String student = seeder.someSeededStudent();
            String sessionId = seeder.someSeededSession();
            Load.Result dashboard = Load.closedLoop(
                    "dashboard",
                    4,
                    settings.httpWarmup(),
                    settings.scaleDuration(),
                    () -> edge.dashboard(admin, student).map(Http.Reply::ok));
            Load.Result page = Load.closedLoop(
                    "session page",
                    4,
                    settings.httpWarmup(),
                    settings.scaleDuration(),
                    () -> edge.sessionPage(admin, sessionId).map(Http.Reply::ok));
            Move figures = new Move();
            Load.fixedRate(
                    "moves",
                    settings.scaleRate(),
                    settings.scaleDuration(),
                    FIXED_RATE_GRACE,
                    figures.intendedToInsight(),
                    from -> move(pool, from, figures));
            Map<Component, Long> rss = stack.residentMemory();
            report.bullet(String.format(
                    Locale.ROOT,
                    "**%,d stored sessions** (%,d seeded in %.1f s): dashboard (10 sessions) %.0f /s, %s; session page"
                            + " %.0f /s, %s; e2e at %.0f moves/s %s; RSS mongo %d MB, feedback-service %d MB; load"
                            + " average %s",
                    seeder.stored(),
                    added,
                    seedSeconds,
                    dashboard.perSecond(),
                    dashboard.latency().summary(),
                    page.perSecond(),
                    page.latency().summary(),
                    settings.scaleRate(),
                    figures.intendedToInsight().summary(),
                    rss.getOrDefault(Component.MONGO, 0L) >> 20,
                    rss.getOrDefault(Component.FEEDBACK_SERVICE, 0L) >> 20,
                    ProcessStats.loadAverage()));
            report.figure("scale." + total + ".dashboardErrors", dashboard.errors());
            report.figure(
                    "scale." + total + ".dashboardP99Ms", dashboard.latency().percentileMillis(99));
            report.figure("scale." + total + ".stored", seeder.stored());
        }
        for (int history : settings.histories()) {
            String student = seeder.studentWithHistory(history);
            Load.Result dashboard = Load.closedLoop(
                    "dashboard",
                    4,
                    settings.httpWarmup(),
                    settings.scaleDuration(),
                    () -> edge.dashboard(admin, student).map(Http.Reply::ok));
            report.bullet(String.format(
                    Locale.ROOT,
                    "student with **%,d sessions**: dashboard %.0f /s, %s, %d errors",
                    history,
                    dashboard.perSecond(),
                    dashboard.latency().summary(),
                    dashboard.errors()));
            report.figure(
                    "history." + history + ".dashboardP50Ms",
                    dashboard.latency().percentileMillis(50));
            report.figure("history." + history + ".errors", dashboard.errors());
        }
        cpuSince("scale");
    }

    // ---- resources ------------------------------------------------------------------------------------------------

    private void markCpu() {
        cpuMark = cpu();
        wallMark = System.nanoTime();
    }

    private Map<Component, Long> cpu() {
        Map<Component, Long> cpu = new EnumMap<>(Component.class);
        for (Component component : stack.components()) {
            if (stack.isRunning(component)) {
                ProcessStats.cpuMillis(stack.pid(component)).ifPresent(ms -> cpu.put(component, ms));
            }
        }
        return cpu;
    }

    /** CPU of each process (percent of one core) since the last mark, then a new mark. */
    private void cpuSince(String phase) {
        Map<Component, Long> now = cpu();
        long wall = System.nanoTime() - wallMark;
        StringBuilder line = new StringBuilder("CPU during " + phase + " (% of one core):");
        now.forEach((component, ms) -> line.append(String.format(
                Locale.ROOT,
                " %s %.0f%%",
                component.displayName(),
                (ms - cpuMark.getOrDefault(component, ms)) * 1e8 / wall)));
        long self = ProcessStats.cpuMillis(ProcessHandle.current().pid()).orElse(0);
        line.append(String.format(Locale.ROOT, "; harness (cumulative) %.0f s", self / 1000.0));
        report.bullet(line.toString());
        markCpu();
    }

    private void resourcesAtEnd() {
        report.section("Resources at the end");
        Map<Component, Long> rss = stack.residentMemory();
        long total = rss.values().stream().mapToLong(Long::longValue).sum();
        report.bullet("RSS total " + (total >> 20) + " MB: " + megabytes(rss));
        report.figure("end.rssMb", total >> 20);
    }

    private static String megabytes(Map<Component, Long> rss) {
        StringBuilder text = new StringBuilder();
        rss.forEach((component, bytes) -> text.append(text.isEmpty() ? "" : ", ")
                .append(component.displayName())
                .append(' ')
                .append(bytes >> 20)
                .append(" MB"));
        return text.toString();
    }

    private static void pause(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void close() {
        if (watcher != null) {
            watcher.close();
        }
        if (http != null) {
            http.close();
        }
        if (mongo != null) {
            mongo.close();
        }
        if (stack != null) {
            stack.close();
        }
    }
}
