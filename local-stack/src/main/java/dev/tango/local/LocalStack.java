package dev.tango.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The whole platform on one machine: a Kafka broker (KRaft), a MongoDB-protocol server, the services and the gateway
 * in front of them, each in its own OS process, with their data in one directory.
 *
 * <pre>{@code
 * try (LocalStack stack = LocalStack.builder().dataDir(tmp).freePorts().build().start()) {
 *     String ui = stack.gatewayUrl();
 *     stack.kill(Component.KAFKA);   // kill -9
 *     stack.start(Component.KAFKA);  // same ports, same data
 * }
 * }</pre>
 *
 * <p>{@link #start()} starts Kafka and Mongo in parallel, then the services and the gateway in parallel, and returns
 * once every component answers its health check. {@link #close()} stops the services and the gateway first, then
 * Kafka, then Mongo.
 *
 * <p>The gateway runs with Spring profile {@code local} (it seeds the {@link #demoUsers() demo users}), keeps its
 * signing key in {@code <data>/keys} and is the issuer the services are told to trust: they verify its JWTs with the
 * key set at {@code <gateway>/.well-known/jwks.json}.
 */
public final class LocalStack implements AutoCloseable {

    /**
     * JVM options for every child unless told otherwise. A small heap and the serial collector keep each JVM's RSS
     * low, and none of the children needs peak throughput here. Stopping at the C1 compiler saves CPU while five JVMs
     * start at once on two cores: measured with the whole stack on a loaded 2-core machine, all healthy in 59-62 s
     * instead of 94-98 s, and 1.3 GB RSS instead of 1.5 GB. For load tests, pass options without it.
     */
    public static final List<String> DEFAULT_JVM_OPTIONS =
            List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    public static final int DEFAULT_KAFKA_CONTROLLER_PORT = 19093;
    public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(120);

    /** How long a component may take to stop after SIGTERM before it is killed. */
    public static final Duration STOP_GRACE = Duration.ofSeconds(10);

    /** Log4j2 configuration of the Kafka and Mongo JVMs (a resource of this module). */
    static final String CHILD_LOG4J2_CONFIG = "tango-child-log4j2.xml";

    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);
    private static final int LOG_TAIL_LINES = 20;

    private final Path home;
    private final Path dataDir;
    private final Map<Component, Integer> requestedPorts;
    private final int requestedControllerPort;
    private final Set<Component> components;
    private final List<String> jvmOptions;
    private final Duration startupTimeout;
    private final Consumer<String> progress;
    private final String childClasspath;

    private final Map<Component, Integer> ports = new EnumMap<>(Component.class);
    private final Map<Component, ChildProcess> processes = new ConcurrentHashMap<>();
    private final Map<Component, Path> jars = new EnumMap<>(Component.class);
    private final Set<Component> healthy = ConcurrentHashMap.newKeySet();
    private final Object closeLock = new Object();
    private int controllerPort;
    private volatile boolean started;
    private volatile boolean closed;
    private long startNanos;
    private Duration infrastructureStartupTime;
    private Duration startupTime;

    private LocalStack(Builder builder) {
        this.home = builder.home.toAbsolutePath().normalize();
        this.dataDir = Optional.ofNullable(builder.dataDir)
                .orElse(home.resolve(".tango"))
                .toAbsolutePath()
                .normalize();
        this.requestedPorts = new EnumMap<>(builder.ports);
        this.requestedControllerPort = builder.controllerPort;
        this.components = EnumSet.copyOf(Component.INFRASTRUCTURE);
        this.components.addAll(builder.services);
        this.jvmOptions = List.copyOf(builder.jvmOptions);
        this.startupTimeout = builder.startupTimeout;
        this.progress = builder.progress;
        this.childClasspath = builder.childClasspath;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts every component and waits until all are healthy. Ports given as 0 are resolved to free ports first.
     *
     * @return this stack, now running, for chaining ({@code builder()...build().start()})
     * @throws PortInUseException if a wanted port is taken, before anything is started
     * @throws LocalStackException if a service jar is missing or a component fails to become healthy; whatever was
     *     started is stopped again
     */
    public synchronized LocalStack start() {
        if (started || closed) {
            throw new IllegalStateException("a LocalStack starts once; use start(Component) to restart a component");
        }
        resolvePorts();
        for (Component component : components) {
            requirePortsFree(component);
        }
        for (Component service : services()) {
            jars.put(service, serviceJar(service));
        }
        Path agentJar = prepareDataDir();
        startNanos = System.nanoTime();
        started = true;
        for (Component component : components) {
            processes.put(
                    component,
                    new ChildProcess(component, command(component, jars.get(component), agentJar), logFile(component)));
        }
        try {
            launchAndAwait(Component.INFRASTRUCTURE);
            infrastructureStartupTime = elapsed();
            launchAndAwait(services());
            startupTime = elapsed();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        return this;
    }

    /** (Re)starts one component that was stopped or killed, on the same ports and data, and waits until healthy. */
    public synchronized void start(Component component) {
        requireRunningStack();
        ChildProcess process = process(component);
        if (process.isAlive()) {
            return;
        }
        requirePortsFree(component);
        launchAndAwait(List.of(component));
    }

    /** Stops one component: SIGTERM, then kill -9 after {@link #STOP_GRACE}. */
    public void stop(Component component) {
        requireRunningStack();
        process(component);
        stopGroup(List.of(component));
    }

    /** kill -9 of one component, e.g. to check what survives a crash. Returns when the process is gone. */
    public void kill(Component component) {
        requireRunningStack();
        ChildProcess process = process(component);
        healthy.remove(component);
        report(component, "killing (kill -9)");
        process.kill();
        report(component, "killed");
    }

    public boolean isRunning(Component component) {
        ChildProcess process = processes.get(component);
        return process != null && process.isAlive();
    }

    /** The OS process id of a running component. */
    public long pid(Component component) {
        return process(component).pid();
    }

    /** Stops everything: services and gateway first, then Kafka, then Mongo. Safe to call more than once. */
    @Override
    public void close() {
        synchronized (closeLock) {
            if (closed) {
                return;
            }
            closed = true;
        }
        stopGroup(services());
        stopGroup(List.of(Component.KAFKA));
        stopGroup(List.of(Component.MONGO));
    }

    public boolean isClosed() {
        return closed;
    }

    public String kafkaBootstrap() {
        return Ports.HOST + ":" + port(Component.KAFKA);
    }

    /** Without a database name: each service picks its own. */
    public String mongoUri() {
        return "mongodb://" + Ports.HOST + ":" + port(Component.MONGO);
    }

    public String sessionServiceUrl() {
        return serviceUrl(Component.SESSION_SERVICE);
    }

    public String scoringServiceUrl() {
        return serviceUrl(Component.SCORING_SERVICE);
    }

    public String feedbackServiceUrl() {
        return serviceUrl(Component.FEEDBACK_SERVICE);
    }

    /** The one URL people use: the web UI, sign-in and {@code /api/**}. */
    public String gatewayUrl() {
        return serviceUrl(Component.GATEWAY);
    }

    /**
     * The DEMO users the gateway seeds (it runs with profile {@code local}), with their public demo passwords, read
     * from the gateway jar this stack starts. Empty when the stack has no gateway.
     */
    public List<DemoUser> demoUsers() {
        requireStarted();
        Path gatewayJar = jars.get(Component.GATEWAY);
        return gatewayJar == null ? List.of() : DemoUser.readFrom(gatewayJar);
    }

    /** {@code http://127.0.0.1:<port>} of a service or the gateway, without a trailing slash. */
    public String serviceUrl(Component service) {
        if (!service.isService()) {
            throw new IllegalArgumentException(service.displayName() + " is not an HTTP service");
        }
        return "http://" + Ports.HOST + ":" + port(service);
    }

    /** The port a component listens on; known once {@link #start()} has resolved the ports. */
    public int port(Component component) {
        Integer port = ports.get(component);
        if (port == null) {
            throw new IllegalStateException(
                    component.displayName() + " has no port: not part of this stack, or start() not called yet");
        }
        return port;
    }

    public int kafkaControllerPort() {
        requireStarted();
        return controllerPort;
    }

    /** Kafka, Mongo, the services and the gateway this stack runs, in start order. */
    public Set<Component> components() {
        return EnumSet.copyOf(components);
    }

    /** The services and the gateway this stack runs. */
    public List<Component> services() {
        return components.stream().filter(Component::isService).toList();
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path logFile(Component component) {
        return dataDir.resolve("logs").resolve(component.displayName() + ".log");
    }

    /** Time from {@link #start()} until Kafka and Mongo were both healthy. */
    public Duration infrastructureStartupTime() {
        requireStarted();
        return infrastructureStartupTime;
    }

    /** Time from {@link #start()} until every component was healthy. */
    public Duration startupTime() {
        requireStarted();
        return startupTime;
    }

    /** Resident set size in bytes of each running component, in start order (Linux; empty elsewhere). */
    public Map<Component, Long> residentMemory() {
        Map<Component, Long> rss = new LinkedHashMap<>();
        for (Component component : components) {
            ChildProcess process = processes.get(component);
            if (process != null && process.isAlive()) {
                Rss.ofPid(process.pid()).ifPresent(bytes -> rss.put(component, bytes));
            }
        }
        return rss;
    }

    private void resolvePorts() {
        List<Component> wanted = new ArrayList<>(components);
        long zeros = wanted.stream().filter(c -> requestedPorts.get(c) == 0).count()
                + (requestedControllerPort == 0 ? 1 : 0);
        List<Integer> free = new ArrayList<>(Ports.free((int) zeros));
        for (Component component : wanted) {
            int port = requestedPorts.get(component);
            ports.put(component, port == 0 ? free.remove(0) : port);
        }
        controllerPort = requestedControllerPort == 0 ? free.remove(0) : requestedControllerPort;
    }

    private void requirePortsFree(Component component) {
        Ports.requireFree(port(component), component.displayName(), component.portFlag(), component.portEnv());
        if (component == Component.KAFKA) {
            Ports.requireFree(
                    controllerPort, "kafka controller", "--kafka-controller-port", "TANGO_KAFKA_CONTROLLER_PORT");
        }
    }

    private Path serviceJar(Component service) {
        String name = service.displayName();
        Path target = home.resolve(name).resolve("target");
        List<Path> candidates;
        try (Stream<Path> files = Files.isDirectory(target) ? Files.list(target) : Stream.empty()) {
            candidates = files.filter(file -> {
                        String fileName = file.getFileName().toString();
                        return fileName.startsWith(name + "-") && fileName.endsWith("-exec.jar");
                    })
                    .sorted(Comparator.comparing(LocalStack::lastModified).reversed())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (candidates.isEmpty()) {
            String hint = Files.isRegularFile(home.resolve("pom.xml"))
                    ? ""
                    : " " + home + " does not look like the Tango checkout: run from there, or pass --home=DIR"
                            + " (TANGO_HOME).";
            throw new LocalStackException(name + " is not built: no " + name + "/target/" + name
                    + "-<version>-exec.jar under " + home + ". Build it with ./mvnw -DskipTests package"
                    + " (./tango does that for you), or pass --no-services." + hint);
        }
        return candidates.get(0);
    }

    /**
     * The Tango checkout containing {@code directory}: the nearest directory, going up, with a {@code pom.xml} and a
     * {@code local-stack} module. So a test running in {@code local-stack/} finds the service jars next to it.
     * Falls back to {@code directory} itself.
     */
    static Path defaultHome(Path directory) {
        for (Path candidate = directory; candidate != null; candidate = candidate.getParent()) {
            if (Files.isRegularFile(candidate.resolve("pom.xml"))
                    && Files.isDirectory(candidate.resolve("local-stack"))) {
                return candidate;
            }
        }
        return directory;
    }

    private static long lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private Path prepareDataDir() {
        try {
            for (String folder : List.of("kafka", "mongo", "logs")) {
                Files.createDirectories(dataDir.resolve(folder));
            }
        } catch (IOException e) {
            throw new LocalStackException(
                    "cannot create the data directory " + dataDir + ": " + e, LocalStackException.EXIT_FAILURE, e);
        }
        return services().isEmpty() ? null : WatchdogAgentJar.writeTo(dataDir.resolve("run"));
    }

    private List<String> command(Component component, Path serviceJar, Path agentJar) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-D" + ParentWatchdog.PARENT_PID_PROPERTY + "="
                + ProcessHandle.current().pid());
        switch (component) {
            case KAFKA -> {
                command.add("-Dlog4j2.configurationFile=" + CHILD_LOG4J2_CONFIG);
                command.addAll(List.of("-cp", childClasspath, KafkaBrokerMain.class.getName()));
                command.addAll(List.of(
                        "--dir", dataDir.resolve("kafka").toString(),
                        "--port", Integer.toString(port(Component.KAFKA)),
                        "--controller-port", Integer.toString(controllerPort)));
            }
            case MONGO -> {
                command.add("-Dlog4j2.configurationFile=" + CHILD_LOG4J2_CONFIG);
                command.addAll(List.of("-cp", childClasspath, MongoServerMain.class.getName()));
                command.addAll(List.of(
                        "--file",
                        dataDir.resolve("mongo").resolve("tango.mv").toString(),
                        "--port",
                        Integer.toString(port(Component.MONGO))));
            }
            case GATEWAY -> {
                command.add("-javaagent:" + agentJar);
                command.addAll(List.of("-jar", serviceJar.toString()));
                command.addAll(gatewayArguments());
            }
            default -> {
                command.add("-javaagent:" + agentJar);
                command.addAll(List.of("-jar", serviceJar.toString()));
                command.add("--server.port=" + port(component));
                command.add("--spring.kafka.bootstrap-servers=" + kafkaBootstrap());
                command.add("--spring.mongodb.uri=" + mongoUri());
                command.addAll(issuerArguments());
            }
        }
        return command;
    }

    /**
     * The gateway: demo users (profile local), its key under the data directory, itself as issuer, and the services of
     * this stack as route targets (one left out keeps the gateway's default URL).
     */
    private List<String> gatewayArguments() {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=" + port(Component.GATEWAY),
                "--spring.profiles.active=local",
                "--spring.mongodb.uri=" + mongoUri(),
                "--tango.security.key-dir=" + dataDir.resolve("keys"),
                "--tango.security.issuer=" + gatewayUrl()));
        Map<Component, String> routeKeys = Map.of(
                Component.SESSION_SERVICE, "session",
                Component.SCORING_SERVICE, "scoring",
                Component.FEEDBACK_SERVICE, "feedback");
        for (Component service : Component.BACKEND_SERVICES) {
            if (components.contains(service)) {
                arguments.add("--tango.gateway.services." + routeKeys.get(service) + "=" + serviceUrl(service));
            }
        }
        return arguments;
    }

    /**
     * What a service needs to accept the gateway's JWTs: the issuer to expect and where its public keys are. A service
     * that does not verify tokens yet ignores them.
     */
    private List<String> issuerArguments() {
        if (!components.contains(Component.GATEWAY)) {
            return List.of();
        }
        return List.of(
                "--tango.security.issuer=" + gatewayUrl(),
                "--tango.security.jwk-set-uri=" + gatewayUrl() + "/.well-known/jwks.json");
    }

    /** The command that starts a component, e.g. to check its arguments; known once the ports are resolved. */
    List<String> commandLine(Component component) {
        return process(component).command();
    }

    /** Launches the group at once, then waits for all of them in parallel; the first failure cancels the rest. */
    private void launchAndAwait(List<Component> group) {
        if (group.isEmpty()) {
            return;
        }
        for (Component component : group) {
            if (closed) {
                throw new LocalStackException("startup cancelled");
            }
            ChildProcess process = process(component);
            report(component, "starting (log: " + displayPath(process.logFile()) + ")");
            process.start(exitCode -> {
                if (healthy.remove(component)) {
                    report(
                            component,
                            "exited unexpectedly with code " + exitCode + " (log: " + displayPath(process.logFile())
                                    + ")");
                }
            });
        }
        AtomicBoolean failed = new AtomicBoolean();
        Executor threadPerTask = task -> {
            Thread thread = new Thread(task, "tango-health");
            thread.setDaemon(true);
            thread.start();
        };
        List<CompletableFuture<Void>> waits = group.stream()
                .map(component -> CompletableFuture.runAsync(() -> awaitHealthy(component, failed), threadPerTask))
                .toList();
        List<String> failures = new ArrayList<>();
        for (CompletableFuture<Void> wait : waits) {
            try {
                wait.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof LocalStackException failure) {
                    failures.add(failure.getMessage());
                } else if (!(e.getCause() instanceof Cancelled)) {
                    failures.add(String.valueOf(e.getCause()));
                }
            }
        }
        if (!failures.isEmpty()) {
            throw new LocalStackException(String.join("\n", failures));
        }
    }

    private void awaitHealthy(Component component, AtomicBoolean failed) {
        ChildProcess process = process(component);
        long deadline = System.nanoTime() + startupTimeout.toNanos();
        try (HealthProbe probe = HealthProbe.forComponent(component, kafkaBootstrap(), mongoUri(), port(component))) {
            while (true) {
                if (closed) {
                    throw new LocalStackException("startup cancelled");
                }
                if (failed.get()) {
                    throw new Cancelled();
                }
                if (!process.isAlive()) {
                    throw failure(component, failed, "exited with code " + process.exitCode() + " while starting");
                }
                if (probe.isHealthy()) {
                    healthy.add(component);
                    report(component, "up on " + address(component));
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw failure(component, failed, "was not healthy within " + startupTimeout.toSeconds() + " s");
                }
                pause();
            }
        }
    }

    private LocalStackException failure(Component component, AtomicBoolean failed, String reason) {
        failed.set(true);
        report(component, "FAILED: " + reason);
        ChildProcess process = process(component);
        StringBuilder message = new StringBuilder(component.displayName())
                .append(' ')
                .append(reason)
                .append(". Last lines of ")
                .append(process.logFile())
                .append(':');
        for (String line : process.tail(LOG_TAIL_LINES)) {
            message.append("\n    | ").append(line);
        }
        return new LocalStackException(message.toString());
    }

    private String address(Component component) {
        return switch (component) {
            case KAFKA -> kafkaBootstrap();
            case MONGO -> mongoUri();
            default -> serviceUrl(component);
        };
    }

    /** SIGTERM to the whole group at once, then waits for each against one common deadline. */
    private void stopGroup(List<Component> group) {
        List<ChildProcess> running = group.stream()
                .map(processes::get)
                .filter(Objects::nonNull)
                .filter(ChildProcess::isAlive)
                .toList();
        if (running.isEmpty()) {
            return;
        }
        long begin = System.nanoTime();
        for (ChildProcess process : running) {
            healthy.remove(process.component());
            report(process.component(), "stopping");
            process.requestStop();
        }
        long deadline = begin + STOP_GRACE.toNanos();
        for (ChildProcess process : running) {
            Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
            boolean clean = process.awaitStop(left);
            String took = seconds(Duration.ofNanos(System.nanoTime() - begin));
            report(
                    process.component(),
                    clean ? "stopped (" + took + ")" : "did not stop within " + STOP_GRACE.toSeconds() + " s; killed");
        }
    }

    private ChildProcess process(Component component) {
        ChildProcess process = processes.get(component);
        if (process == null) {
            requireStarted();
            throw new IllegalArgumentException(component.displayName() + " is not part of this stack");
        }
        return process;
    }

    private void requireStarted() {
        if (!started) {
            throw new IllegalStateException("call start() first");
        }
    }

    private void requireRunningStack() {
        requireStarted();
        if (closed) {
            throw new IllegalStateException("this LocalStack is closed");
        }
    }

    private void report(Component component, String message) {
        progress.accept(String.format(
                Locale.ROOT,
                "[%4.1fs] %-16s %s",
                Duration.ofNanos(System.nanoTime() - startNanos).toMillis() / 1000.0,
                component.displayName(),
                message));
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    private String displayPath(Path path) {
        Path cwd = Path.of("").toAbsolutePath();
        return path.startsWith(cwd) ? cwd.relativize(path).toString() : path.toString();
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_INTERVAL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalStackException("interrupted while waiting for the stack to start");
        }
    }

    /** Another component of the same group already failed; this one stops waiting quietly. */
    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super(null, null, false, false);
        }
    }

    /** Configures a {@link LocalStack}; every setting has a default that matches {@code ./tango}. */
    public static final class Builder {
        private Path home = defaultHome(Path.of("").toAbsolutePath());
        private Path dataDir;
        private final Map<Component, Integer> ports = new EnumMap<>(Component.class);
        private int controllerPort = DEFAULT_KAFKA_CONTROLLER_PORT;
        private Set<Component> services = EnumSet.copyOf(Component.SERVICES);
        private List<String> jvmOptions = DEFAULT_JVM_OPTIONS;
        private Duration startupTimeout = DEFAULT_STARTUP_TIMEOUT;
        private Consumer<String> progress = line -> {};
        private String childClasspath = System.getProperty("java.class.path");

        private Builder() {
            for (Component component : Component.values()) {
                ports.put(component, component.defaultPort());
            }
        }

        /** The Tango checkout, where the service and gateway jars are built. Default: the current directory. */
        public Builder home(Path home) {
            this.home = Objects.requireNonNull(home);
            return this;
        }

        /** Where Kafka's log dirs, Mongo's file and the logs live. Default: {@code <home>/.tango}. */
        public Builder dataDir(Path dataDir) {
            this.dataDir = Objects.requireNonNull(dataDir);
            return this;
        }

        /** A fixed port, or 0 for a free one. */
        public Builder port(Component component, int port) {
            ports.put(component, checkPort(port));
            return this;
        }

        public Builder kafkaControllerPort(int port) {
            this.controllerPort = checkPort(port);
            return this;
        }

        /** Every port, the controller's included, picked free at {@link LocalStack#start()}. */
        public Builder freePorts() {
            ports.replaceAll((component, port) -> 0);
            controllerPort = 0;
            return this;
        }

        /** With all three services and the gateway (the default), or with Kafka and Mongo only. */
        public Builder withServices(boolean withServices) {
            return services(withServices ? Component.SERVICES : List.of());
        }

        /** Only these services (the gateway counts as one), besides Kafka and Mongo. */
        public Builder services(Collection<Component> services) {
            for (Component service : services) {
                if (!service.isService()) {
                    throw new IllegalArgumentException(service.displayName() + " is not a service");
                }
            }
            this.services = services.isEmpty() ? EnumSet.noneOf(Component.class) : EnumSet.copyOf(services);
            return this;
        }

        /** Options for every child JVM, replacing {@link #DEFAULT_JVM_OPTIONS}. */
        public Builder jvmOptions(List<String> jvmOptions) {
            this.jvmOptions = List.copyOf(jvmOptions);
            return this;
        }

        /** How long each component may take to become healthy. */
        public Builder startupTimeout(Duration startupTimeout) {
            this.startupTimeout = Objects.requireNonNull(startupTimeout);
            return this;
        }

        /** Receives progress lines such as {@code [ 3.1s] kafka            up on 127.0.0.1:19092}. */
        public Builder progress(Consumer<String> progress) {
            this.progress = Objects.requireNonNull(progress);
            return this;
        }

        /** The classpath of the Kafka and Mongo JVMs. Default: this JVM's own. */
        public Builder childClasspath(String classpath) {
            this.childClasspath = Objects.requireNonNull(classpath);
            return this;
        }

        public LocalStack build() {
            return new LocalStack(this);
        }

        private static int checkPort(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port " + port + " is not between 0 and 65535");
            }
            return port;
        }
    }
}
