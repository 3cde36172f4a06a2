package dev.tango.local;

import java.lang.instrument.Instrumentation;
import java.time.Duration;
import java.util.Optional;

/**
 * Runs inside every child JVM the launcher starts, so that no broker, server or service outlives it.
 *
 * <p>It exits the JVM (running its shutdown hooks) when the launcher process is gone, even after a {@code kill -9}
 * of the launcher. It also ignores SIGINT: Ctrl-C reaches the whole foreground process group, but the launcher
 * wants to stop the children itself, services first and Mongo last.
 *
 * <p>Kafka and Mongo call {@link #install()} from their main; the services are plain Spring Boot jars, so they get
 * it as a Java agent ({@code -javaagent}), see {@link WatchdogAgentJar}. This class must stay self-contained (no
 * nested classes, only JDK types) because the agent jar holds only this one class file.
 */
public final class ParentWatchdog {

    /** System property carrying the launcher's pid. */
    public static final String PARENT_PID_PROPERTY = "tango.parent.pid";

    private static final Duration EXIT_GRACE = Duration.ofSeconds(20);

    private static volatile boolean installed;

    private ParentWatchdog() {}

    /** Java agent entry point, used for the service jars. */
    public static void premain(String args, Instrumentation instrumentation) {
        install();
    }

    /** Starts watching the parent named by {@value #PARENT_PID_PROPERTY}; does nothing when that is not set. */
    public static synchronized void install() {
        String pid = System.getProperty(PARENT_PID_PROPERTY);
        if (installed || pid == null || pid.isBlank()) {
            return;
        }
        installed = true;
        ignoreSigint();
        Optional<ProcessHandle> parent = ProcessHandle.of(Long.parseLong(pid.trim()));
        Thread watcher = new Thread(
                () -> {
                    parent.ifPresent(handle -> handle.onExit().join());
                    exitBecauseParentIsGone(pid);
                },
                "tango-parent-watchdog");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static void exitBecauseParentIsGone(String pid) {
        System.err.println("tango: launcher process " + pid + " is gone; shutting down");
        // If a shutdown hook hangs, do not linger as an orphan.
        Thread halter = new Thread(
                () -> {
                    try {
                        Thread.sleep(EXIT_GRACE.toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    Runtime.getRuntime().halt(1);
                },
                "tango-exit-deadline");
        halter.setDaemon(true);
        halter.start();
        System.exit(0);
    }

    private static void ignoreSigint() {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), sun.misc.SignalHandler.SIG_IGN);
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            // No SIGINT on this platform: nothing to ignore.
        }
    }
}
