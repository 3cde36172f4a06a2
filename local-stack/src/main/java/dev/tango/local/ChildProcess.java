package dev.tango.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/** One OS process of the stack, with its output appended to its own log file. */
final class ChildProcess {

    /** Starts the lines the launcher writes into the log before each start of the process. */
    static final String RUN_HEADER = "---- tango: starting ";

    private final Component component;
    private final List<String> command;
    private final Path logFile;
    private volatile Process process;
    private volatile boolean stopRequested;

    ChildProcess(Component component, List<String> command, Path logFile) {
        this.component = component;
        this.command = List.copyOf(command);
        this.logFile = logFile;
    }

    Component component() {
        return component;
    }

    Path logFile() {
        return logFile;
    }

    List<String> command() {
        return command;
    }

    /**
     * Starts the process. {@code onUnexpectedExit} is told the exit code when the process ends without having been
     * asked to.
     */
    synchronized void start(IntConsumer onUnexpectedExit) {
        if (isAlive()) {
            return;
        }
        try {
            Files.createDirectories(logFile.getParent());
            Files.writeString(
                    logFile,
                    RUN_HEADER + component.displayName() + " at " + Instant.now() + "\n---- "
                            + String.join(" ", command) + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            stopRequested = false;
            // stdin stays a pipe held by the launcher; the child never reads it.
            Process started = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(Redirect.appendTo(logFile.toFile()))
                    .start();
            process = started;
            started.onExit().thenAccept(exited -> {
                if (!stopRequested && process == exited) {
                    onUnexpectedExit.accept(exited.exitValue());
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + component.displayName() + ": " + command, e);
        }
    }

    boolean isAlive() {
        Process current = process;
        return current != null && current.isAlive();
    }

    /** The exit code, or -1 while running or before the first start. */
    int exitCode() {
        Process current = process;
        return current == null || current.isAlive() ? -1 : current.exitValue();
    }

    long pid() {
        Process current = process;
        return current == null ? -1 : current.pid();
    }

    /** Asks the process to stop (SIGTERM); returns without waiting. */
    void requestStop() {
        stopRequested = true;
        Process current = process;
        if (current != null) {
            current.destroy();
        }
    }

    /**
     * Waits up to {@code grace} for the process to end after {@link #requestStop()}, then kills it. Returns true when
     * it ended on its own.
     */
    boolean awaitStop(Duration grace) {
        Process current = process;
        if (current == null) {
            return true;
        }
        try {
            if (current.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
            current.destroyForcibly().waitFor();
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            current.destroyForcibly();
            return false;
        }
    }

    /** kill -9, then waits until the process is gone. */
    void kill() {
        stopRequested = true;
        Process current = process;
        if (current == null) {
            return;
        }
        current.toHandle().destroyForcibly();
        try {
            current.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The last {@code lines} lines this run wrote to the log file. A Java stack trace often ends in frames only, so
     * the innermost {@code Caused by:} line comes first when it is further up.
     */
    List<String> tail(int lines) {
        if (!Files.exists(logFile)) {
            return List.of();
        }
        Deque<String> last = new ArrayDeque<>(lines);
        String rootCause = null;
        // InputStreamReader replaces malformed bytes instead of failing on them.
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(Files.newInputStream(logFile), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith(RUN_HEADER)) {
                    last.clear();
                    rootCause = null;
                }
                if (line.startsWith("Caused by: ")) {
                    rootCause = line;
                }
                if (last.size() == lines) {
                    last.removeFirst();
                }
                last.addLast(line);
            }
        } catch (IOException e) {
            return List.of("(cannot read " + logFile + ": " + e.getMessage() + ")");
        }
        if (rootCause != null && !last.contains(rootCause)) {
            last.addFirst("...");
            last.addFirst(rootCause);
        }
        return List.copyOf(last);
    }
}
