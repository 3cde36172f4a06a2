package dev.tango.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The command behind {@code ./tango}: starts the {@link LocalStack}, prints progress, the URLs, the time to healthy
 * and the memory taken, and ends with the demo users and the gateway's URL; then runs until Ctrl-C. See
 * {@code tango-help.txt} for the options.
 */
public final class TangoLocal {

    private TangoLocal() {}

    public static void main(String[] args) {
        int exitCode = run(args, System.getenv(), Path.of("").toAbsolutePath(), System.out, System.err);
        System.exit(exitCode);
    }

    /**
     * Runs the launcher. Returns the exit code once startup failed, or, with {@code --stop-after-start}, once the
     * stack has been started and stopped; otherwise blocks until the JVM shuts down (Ctrl-C).
     */
    static int run(String[] args, Map<String, String> env, Path cwd, PrintStream out, PrintStream err) {
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(args, env, cwd);
        } catch (LocalStackException e) {
            err.println("tango: " + e.getMessage());
            return e.exitCode();
        }
        if (options.help()) {
            out.print(helpText());
            return 0;
        }
        LocalStack stack = options.toBuilder().progress(out::println).build();
        Thread shutdownHook = new Thread(
                () -> {
                    if (!stack.isClosed()) {
                        out.println();
                        out.println("Stopping Tango (gateway and services, then Kafka, then Mongo)...");
                        stack.close();
                        out.println("Stopped. Data kept in " + stack.dataDir());
                    }
                },
                "tango-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        out.println("Starting Tango; data in " + stack.dataDir());
        try {
            stack.start();
        } catch (LocalStackException e) {
            stack.close();
            err.println("tango: " + e.getMessage());
            removeHook(shutdownHook);
            return e.exitCode();
        }
        out.println();
        out.println(report(stack));
        out.println();
        if (options.stopAfterStart()) {
            stack.close();
            removeHook(shutdownHook);
            return 0;
        }
        out.println("Press Ctrl-C to stop.");
        awaitShutdown();
        return 0;
    }

    static String report(LocalStack stack) {
        Map<String, Long> rss = new LinkedHashMap<>();
        stack.residentMemory().forEach((component, bytes) -> rss.put(component.displayName(), bytes));
        Rss.ofPid(ProcessHandle.current().pid()).ifPresent(bytes -> rss.put("launcher", bytes));
        StringBuilder report = new StringBuilder();
        report.append("All healthy in ")
                .append(LocalStack.seconds(stack.startupTime()))
                .append(" (Kafka and Mongo in ")
                .append(LocalStack.seconds(stack.infrastructureStartupTime()))
                .append("); memory ")
                .append(rss.isEmpty() ? "unknown (no /proc)" : Rss.summary(rss))
                .append("\n");
        for (Component service : stack.services()) {
            if (service == Component.GATEWAY) {
                continue;
            }
            String url = stack.serviceUrl(service);
            report.append(String.format(
                    "%n  %-17s %s   (API docs %s/swagger-ui.html, health %s/actuator/health)",
                    service.displayName(), url, url, url));
        }
        report.append(String.format("%n  %-17s %s", "kafka", stack.kafkaBootstrap()));
        report.append(String.format("%n  %-17s %s", "mongo", stack.mongoUri()));
        report.append(String.format("%n  %-17s %s", "data and logs", stack.dataDir()));
        if (stack.services().contains(Component.GATEWAY)) {
            report.append("\n\n").append(demoUsers(stack));
            report.append("\n\n").append(demoApiToken(stack));
            report.append("\n\nOpen Tango at ").append(stack.gatewayUrl()).append(" and sign in as a demo user above.");
        }
        return report.toString();
    }

    /** The demo credentials, as the gateway's demo-users.properties lists them, plainly marked as demo and local. */
    static String demoUsers(LocalStack stack) {
        try {
            return demoUsers(stack.demoUsers());
        } catch (LocalStackException e) {
            return "DEMO users: cannot be listed (" + e.getMessage() + "); the gateway's log shows them.";
        }
    }

    /**
     * A demo ADMIN API token for the demo program, issued through the gateway's own API as the demo admin, so that the
     * README's curl commands work at once. It expires after a day; it exists only on this machine's local stack.
     */
    static String demoApiToken(LocalStack stack) {
        try {
            DemoUser admin = stack.demoUsers().stream()
                    .filter(user -> "ADMIN".equals(user.role()))
                    .findFirst()
                    .orElseThrow(() -> new LocalStackException("no demo admin is listed"));
            String token = new GatewayClient(stack.gatewayUrl())
                    .issueApiToken(admin, "local-demo", java.time.Instant.now().plus(java.time.Duration.ofDays(1)));
            return "DEMO API token (ADMIN of " + admin.program() + ", this machine only, expires in 24 h):"
                    + "\n  export TANGO_TOKEN=" + token
                    + "\n  curl -H \"Authorization: Bearer $TANGO_TOKEN\" " + stack.gatewayUrl() + "/api/me";
        } catch (IOException | LocalStackException e) {
            return "DEMO API token: could not be issued (" + e.getMessage() + "); sign in as the demo admin instead.";
        }
    }

    static String demoUsers(List<DemoUser> users) {
        StringBuilder block = new StringBuilder(
                "DEMO users (this machine only: seeded by the gateway's 'local' profile, passwords are public)");
        block.append(String.format("%n  %-14s %-20s %-12s %-8s %s", "id", "email", "password", "role", "program"));
        for (DemoUser user : users) {
            block.append(String.format(
                    "%n  %-14s %-20s %-12s %-8s %s",
                    user.id(), user.email(), user.password(), user.role(), user.program()));
        }
        return block.toString();
    }

    static String helpText() {
        try (InputStream help = TangoLocal.class.getClassLoader().getResourceAsStream("tango-help.txt")) {
            if (help == null) {
                throw new IllegalStateException("tango-help.txt is missing from the launcher's classpath");
            }
            return new String(help.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down; the hook runs anyway and finds the stack closed.
        }
    }

    private static void awaitShutdown() {
        try {
            // Released by nobody: the JVM exits through the shutdown hook.
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
