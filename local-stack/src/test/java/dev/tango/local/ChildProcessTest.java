package dev.tango.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildProcessTest {

    @TempDir
    Path logs;

    @Test
    void tailShowsOnlyTheLatestRun() throws IOException {
        Path log = logs.resolve("mongo.log");
        Files.write(
                log,
                List.of(
                        ChildProcess.RUN_HEADER + "mongo at earlier",
                        "old line",
                        ChildProcess.RUN_HEADER + "mongo at now",
                        "new line 1",
                        "new line 2"));

        assertThat(process(log).tail(20))
                .containsExactly(ChildProcess.RUN_HEADER + "mongo at now", "new line 1", "new line 2");
        assertThat(process(log).tail(2)).containsExactly("new line 1", "new line 2");
    }

    @Test
    void tailPutsTheRootCauseFirstWhenOnlyStackFramesFollowIt() throws IOException {
        Path log = logs.resolve("session-service.log");
        Files.write(
                log,
                List.of(
                        "Caused by: java.lang.IllegalStateException: outer",
                        "\tat a.B.c(B.java:1)",
                        "Caused by: java.lang.IllegalArgumentException: Database name must not be empty",
                        "\tat d.E.f(E.java:2)",
                        "\tat g.H.i(H.java:3)",
                        "\t... 31 common frames omitted"));

        assertThat(process(log).tail(2))
                .containsExactly(
                        "Caused by: java.lang.IllegalArgumentException: Database name must not be empty",
                        "...",
                        "\tat g.H.i(H.java:3)",
                        "\t... 31 common frames omitted");
    }

    @Test
    void aMissingLogHasNoTail() {
        assertThat(process(logs.resolve("none.log")).tail(20)).isEmpty();
    }

    private static ChildProcess process(Path log) {
        return new ChildProcess(Component.MONGO, List.of("true"), log);
    }
}
