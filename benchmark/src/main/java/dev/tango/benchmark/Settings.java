package dev.tango.benchmark;

import dev.tango.local.LocalStack;
import java.time.Duration;
import java.util.List;

/**
 * How much load, for how long. {@link #smoke()} runs every part of the harness briefly (the default test command);
 * {@link #full()} is the benchmark of BENCHMARKS.md. The smoke run starts the services with LocalStack's default JVM
 * options (C1 only), which start fastest on a loaded machine; the full run lets C2 compile for peak throughput.
 *
 * @param users students and mentors created through the admin users API
 * @param lifecycles whole simulated sessions, {@code lifecycleConcurrency} at a time
 * @param runningSessions started sessions that the phase-move runs pick from
 * @param rates phase moves per second of the fixed-rate runs, each for {@code rateDuration}
 * @param saturation how long moves go as fast as the pipeline takes them, {@code saturationConcurrency} at a time
 * @param httpDuration each HTTP figure's measured window, after {@code httpWarmup}, {@code httpConcurrency} callers
 * @param kafkaMessages records of the raw Kafka baseline
 * @param mongoDuration each raw MongoDB baseline's window (inserts, then replaces)
 * @param storedSessions the totals of stored sessions the scale runs seed up to, in order
 * @param histories sessions of one student for the dashboard-versus-history run
 */
record Settings(
        String mode,
        int students,
        int mentors,
        int lifecycles,
        int lifecycleConcurrency,
        int runningSessions,
        List<Double> rates,
        Duration rateDuration,
        Duration saturation,
        int saturationConcurrency,
        Duration httpWarmup,
        Duration httpDuration,
        int httpConcurrency,
        int kafkaMessages,
        Duration mongoDuration,
        List<Integer> storedSessions,
        List<Integer> histories,
        double scaleRate,
        Duration scaleDuration,
        List<String> jvmOptions) {

    /** The services' JVMs for load: LocalStack's small heap and serial collector, but with the C2 compiler. */
    static final List<String> LOAD_JVM_OPTIONS = List.of("-Xmx256m", "-XX:+UseSerialGC");

    static Settings of(String mode) {
        return "full".equals(mode) ? full() : smoke();
    }

    static Settings smoke() {
        return new Settings(
                "smoke",
                3,
                2,
                3,
                3,
                6,
                List.of(5.0),
                Duration.ofSeconds(2),
                Duration.ofSeconds(2),
                4,
                Duration.ofMillis(300),
                Duration.ofSeconds(1),
                4,
                500,
                Duration.ofSeconds(1),
                List.of(200),
                List.of(1, 20),
                10,
                Duration.ofSeconds(1),
                LocalStack.DEFAULT_JVM_OPTIONS);
    }

    static Settings full() {
        return new Settings(
                "full",
                200,
                20,
                60,
                24,
                100,
                List.of(50.0, 200.0, 1000.0),
                Duration.ofSeconds(10),
                Duration.ofSeconds(10),
                100,
                Duration.ofSeconds(2),
                Duration.ofSeconds(8),
                32,
                50_000,
                Duration.ofSeconds(8),
                List.of(1_000, 5_000, 10_000),
                List.of(1, 10, 100, 1_000),
                50,
                Duration.ofSeconds(8),
                LOAD_JVM_OPTIONS);
    }
}
