package dev.tango.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit extension that gives test classes one whole {@link LocalStack} (Kafka, Mongo, the three services and the
 * gateway) per test JVM instead of one each: starting the whole stack takes most of a minute on two cores, so every
 * class that only needs <em>a</em> running platform shares it. Declare a parameter of type {@link LocalStack} on a
 * {@code @BeforeAll} (or test) method:
 *
 * <pre>{@code
 * @ExtendWith(SharedStack.class)
 * class SomeIT {
 *     @BeforeAll
 *     static void setUp(LocalStack stack) { ... }
 * }
 * }</pre>
 *
 * <p>The first class that asks starts the stack (free ports, data under {@code target/shared-stack/}); it stays up
 * until the test run ends, when JUnit closes its root store and with it the stack. A class that needs particular JVM
 * options for the children registers the extension with them ({@link #withExtraJvmOptions}) and gets the shared stack
 * started with exactly those (each distinct set its own stack); {@code @ExtendWith(SharedStack.class)} takes the stack
 * that is already running, whatever its options, or starts one with {@link LocalStack#DEFAULT_JVM_OPTIONS}. Classes
 * sharing a stack keep apart by their own users, students and sessions; one that breaks a component on purpose (kill
 * -9) must leave it running again, and the order of the classes is set with {@code ClassOrderer}.
 */
public final class SharedStack implements ParameterResolver {

    /** Five JVMs start at once on a possibly loaded 2-core machine. */
    static final Duration STARTUP_PATIENCE = Duration.ofSeconds(300);

    /** The data of every shared stack of a test run; the previous run's is deleted when the first one starts. */
    static final Path ROOT = Path.of("target", "shared-stack");

    private static final System.Logger LOG = System.getLogger(SharedStack.class.getName());
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedStack.class);
    private static final AtomicBoolean ROOT_CLEANED = new AtomicBoolean();

    /** What the children must run with; {@code null}: any shared stack will do. */
    private final List<String> jvmOptions;

    /**
     * The shared stack already running, whatever its options, else one with {@link LocalStack#DEFAULT_JVM_OPTIONS};
     * for {@code @ExtendWith(SharedStack.class)}.
     */
    public SharedStack() {
        this.jvmOptions = null;
    }

    private SharedStack(List<String> jvmOptions) {
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    /**
     * The shared stack whose children run with {@link LocalStack#DEFAULT_JVM_OPTIONS} plus these, e.g. system
     * properties of the gateway; for {@code @RegisterExtension static final SharedStack STACK = ...}.
     */
    public static SharedStack withExtraJvmOptions(List<String> extra) {
        List<String> options = new ArrayList<>(LocalStack.DEFAULT_JVM_OPTIONS);
        options.addAll(extra);
        return new SharedStack(options);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalStack.class;
    }

    @Override
    public LocalStack resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .computeIfAbsent(Stacks.class, key -> new Stacks(), Stacks.class)
                .get(jvmOptions);
    }

    private static LocalStack start(List<String> jvmOptions) {
        LocalStack stack = LocalStack.builder()
                .dataDir(dataDir())
                .freePorts()
                .jvmOptions(jvmOptions)
                .startupTimeout(STARTUP_PATIENCE)
                .progress(line -> LOG.log(System.Logger.Level.INFO, line))
                .build()
                .start();
        Map<Component, Long> rss = stack.residentMemory();
        long total = rss.values().stream().mapToLong(Long::longValue).sum();
        LOG.log(
                System.Logger.Level.INFO,
                String.format(
                        Locale.ROOT,
                        "Shared Tango stack healthy in %s (Kafka and Mongo in %s), JVM options %s; total RSS %d MB %s",
                        LocalStack.seconds(stack.startupTime()),
                        LocalStack.seconds(stack.infrastructureStartupTime()),
                        jvmOptions,
                        total >> 20,
                        rss.entrySet().stream()
                                .map(e -> e.getKey().displayName() + " " + (e.getValue() >> 20) + " MB")
                                .collect(Collectors.joining(", ", "(", ")"))));
        return stack;
    }

    /** A new folder under {@link #ROOT}, kept after the run for the components' logs under {@code logs/}. */
    private static Path dataDir() {
        try {
            if (ROOT_CLEANED.compareAndSet(false, true)) {
                deleteRecursively(ROOT);
            }
            Files.createDirectories(ROOT);
            return Files.createTempDirectory(ROOT, "stack-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** The shared stacks of this run, by JVM options; JUnit closes it (and so them) when the test run ends. */
    private static final class Stacks implements AutoCloseable {
        private final Map<List<String>, LocalStack> running = new LinkedHashMap<>();
        /** A stack that did not start is not tried again by every later class: each gets the same failure. */
        private final Map<List<String>, RuntimeException> failed = new LinkedHashMap<>();

        synchronized LocalStack get(List<String> jvmOptions) {
            if (jvmOptions == null) {
                return running.isEmpty()
                        ? get(LocalStack.DEFAULT_JVM_OPTIONS)
                        : running.values().iterator().next();
            }
            RuntimeException failure = failed.get(jvmOptions);
            if (failure != null) {
                throw new LocalStackException(
                        "the shared stack did not start: " + failure.getMessage(),
                        LocalStackException.EXIT_FAILURE,
                        failure);
            }
            try {
                return running.computeIfAbsent(jvmOptions, SharedStack::start);
            } catch (RuntimeException e) {
                failed.put(jvmOptions, e);
                throw e;
            }
        }

        @Override
        public synchronized void close() {
            List<LocalStack> stacks = new ArrayList<>(running.values());
            Collections.reverse(stacks);
            stacks.forEach(LocalStack::close);
        }
    }
}
