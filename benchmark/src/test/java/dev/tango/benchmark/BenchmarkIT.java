package dev.tango.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the benchmark against the whole stack: briefly by default (a smoke run that checks that every part of the
 * harness works end to end, asserting no timing), the whole benchmark with {@code -Pbenchmark}
 * ({@code tango.benchmark.mode=full}). The report is printed and written to {@code target/benchmark-report.md}.
 */
class BenchmarkIT {

    private static final System.Logger LOG = System.getLogger(BenchmarkIT.class.getName());

    /** Kept when the run failed, for the components' logs under {@code stack/logs/}. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dataDir;

    @Test
    void everyPartOfTheHarnessProducesItsFigures() throws IOException {
        Settings settings = Settings.of(System.getProperty("tango.benchmark.mode", "smoke"));
        Report report = Benchmark.run(settings, dataDir, line -> LOG.log(System.Logger.Level.INFO, line));
        String path = System.getProperty("tango.benchmark.report");
        if (path != null) {
            Files.writeString(Path.of(path), report.text());
        }

        Map<String, Double> figures = report.figures();
        assertThat(figures.get("startup.seconds")).isPositive();
        assertThat(figures.get("startup.rssMb")).isPositive();
        // Whole sessions: every one completed through the edge and reached the feedback read model.
        assertThat(figures.get("lifecycle.completed")).isEqualTo((double) settings.lifecycles());
        assertThat(figures.get("lifecycle.failed")).isZero();
        assertThat(figures.get("lifecycle.reflected")).isEqualTo((double) settings.lifecycles());
        // End to end: moves at each rate reached both read models, none was lost (a move still under way when a rate
        // was not sustained is a timing, not checked here).
        for (double rate : settings.rates()) {
            assertThat(figures.get("e2e." + (int) rate + ".moves")).isPositive();
            assertThat(figures.get("e2e." + (int) rate + ".reflected")).isPositive();
            assertThat(figures.get("e2e." + (int) rate + ".lost")).isZero();
        }
        assertThat(figures.get("pipeline.movesPerSecond")).isPositive();
        assertThat(figures.get("pipeline.lost")).isZero();
        // HTTP: each hot read and write answered, without errors, through the edge and directly.
        assertThat(figures)
                .containsKeys(
                        "http.student-dashboard-edge.perSecond",
                        "http.student-dashboard-feedback-service.perSecond",
                        "http.session-page-edge.perSecond",
                        "http.scorecard-scoring-service.perSecond",
                        "http.phase-move-session-service.perSecond",
                        "http.observation-edge.perSecond");
        figures.forEach((name, value) -> {
            if (name.startsWith("http.") && name.endsWith(".perSecond")) {
                assertThat(value).as(name).isPositive();
            }
            if (name.startsWith("http.") && name.endsWith(".errors")) {
                assertThat(value).as(name).isZero();
            }
        });
        // Baselines and the ratio to their limit.
        assertThat(figures.get("baseline.webflux.perSecond")).isPositive();
        assertThat(figures.get("baseline.kafka.producePerSecond")).isPositive();
        assertThat(figures.get("baseline.kafka.consumePerSecond")).isPositive();
        assertThat(figures.get("baseline.mongo.updatesPerSecond")).isPositive();
        assertThat(figures.get("ratio.pipelineToLimit")).isPositive();
        // Scale: the seeded sessions are stored and the dashboards over them answer.
        for (int total : settings.storedSessions()) {
            assertThat(figures.get("scale." + total + ".stored")).isGreaterThanOrEqualTo(total);
            assertThat(figures.get("scale." + total + ".dashboardErrors")).isZero();
        }
        for (int history : settings.histories()) {
            assertThat(figures.get("history." + history + ".errors")).isZero();
        }
        assertThat(report.text()).contains("## Machine", "## Resources at the end", "CPU during");
    }
}
