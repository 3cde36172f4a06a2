package dev.tango.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The command line of {@link TangoLocal}: flags win over environment variables, which win over defaults. Both
 * {@code --flag=value} and {@code --flag value} are accepted.
 */
record LaunchOptions(
        boolean help,
        Path home,
        Path dataDir,
        Map<Component, Integer> ports,
        int kafkaControllerPort,
        boolean services,
        List<String> jvmOptions,
        Duration timeout,
        boolean stopAfterStart) {

    static final String KAFKA_CONTROLLER_PORT_FLAG = "--kafka-controller-port";
    static final String KAFKA_CONTROLLER_PORT_ENV = "TANGO_KAFKA_CONTROLLER_PORT";

    LaunchOptions {
        ports = Map.copyOf(ports);
        jvmOptions = List.copyOf(jvmOptions);
    }

    /**
     * @param cwd relative paths in flags and variables are resolved against it, and the default home is the checkout
     *     it is in
     * @throws LocalStackException with {@link LocalStackException#EXIT_USAGE} for a wrong flag or value
     */
    static LaunchOptions parse(String[] args, Map<String, String> env, Path cwd) {
        Map<String, String> flags = new HashMap<>();
        List<String> switches = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-h") || arg.equals("--help")) {
                switches.add("--help");
            } else if (arg.equals("--no-services") || arg.equals("--stop-after-start")) {
                switches.add(arg);
            } else if (arg.startsWith("--") && VALUED_FLAGS.contains(flagName(arg))) {
                String name = flagName(arg);
                if (arg.contains("=")) {
                    flags.put(name, arg.substring(arg.indexOf('=') + 1));
                } else if (i + 1 < args.length) {
                    flags.put(name, args[++i]);
                } else {
                    throw usage(name + " needs a value, e.g. " + name + "=...");
                }
            } else {
                throw usage("unknown option '" + arg + "'");
            }
        }
        Settings settings = new Settings(flags, env);

        Path home = settings.path("--home", "TANGO_HOME", cwd).orElseGet(() -> LocalStack.defaultHome(cwd));
        Path dataDir = settings.path("--data-dir", "TANGO_DATA_DIR", cwd).orElse(home.resolve(".tango"));
        Map<Component, Integer> ports = new EnumMap<>(Component.class);
        for (Component component : Component.values()) {
            ports.put(component, settings.port(component.portFlag(), component.portEnv(), component.defaultPort()));
        }
        int controllerPort = settings.port(
                KAFKA_CONTROLLER_PORT_FLAG, KAFKA_CONTROLLER_PORT_ENV, LocalStack.DEFAULT_KAFKA_CONTROLLER_PORT);
        boolean noServices = switches.contains("--no-services") || settings.bool("TANGO_NO_SERVICES");
        List<String> jvmOptions = settings.value("--jvm-opts", "TANGO_JVM_OPTS")
                .map(value -> Arrays.stream(value.trim().split("\\s+"))
                        .filter(option -> !option.isEmpty())
                        .toList())
                .orElse(LocalStack.DEFAULT_JVM_OPTIONS);
        Duration timeout = settings.value("--timeout", "TANGO_TIMEOUT")
                .map(value -> {
                    try {
                        long seconds = Long.parseLong(value.trim());
                        if (seconds > 0) {
                            return Duration.ofSeconds(seconds);
                        }
                    } catch (NumberFormatException e) {
                        // reported below
                    }
                    throw usage("--timeout / TANGO_TIMEOUT must be a positive number of seconds, not '" + value + "'");
                })
                .orElse(LocalStack.DEFAULT_STARTUP_TIMEOUT);
        return new LaunchOptions(
                switches.contains("--help"),
                home,
                dataDir,
                ports,
                controllerPort,
                !noServices,
                jvmOptions,
                timeout,
                switches.contains("--stop-after-start"));
    }

    LocalStack.Builder toBuilder() {
        LocalStack.Builder builder = LocalStack.builder()
                .home(home)
                .dataDir(dataDir)
                .kafkaControllerPort(kafkaControllerPort)
                .withServices(services)
                .jvmOptions(jvmOptions)
                .startupTimeout(timeout);
        ports.forEach(builder::port);
        return builder;
    }

    private static final List<String> VALUED_FLAGS = valuedFlags();

    private static List<String> valuedFlags() {
        List<String> names =
                new ArrayList<>(List.of("--home", "--data-dir", "--jvm-opts", "--timeout", KAFKA_CONTROLLER_PORT_FLAG));
        for (Component component : Component.values()) {
            names.add(component.portFlag());
        }
        return List.copyOf(names);
    }

    private static String flagName(String arg) {
        int equals = arg.indexOf('=');
        return equals < 0 ? arg : arg.substring(0, equals);
    }

    private static LocalStackException usage(String message) {
        return new LocalStackException(message + ". See ./tango --help.", LocalStackException.EXIT_USAGE, null);
    }

    /** Looks a setting up in the flags, then in the environment. */
    private record Settings(Map<String, String> flags, Map<String, String> env) {

        Optional<String> value(String flag, String envName) {
            if (flags.containsKey(flag)) {
                return Optional.of(flags.get(flag));
            }
            String fromEnv = env.get(envName);
            return fromEnv == null || fromEnv.isBlank() ? Optional.empty() : Optional.of(fromEnv);
        }

        Optional<Path> path(String flag, String envName, Path cwd) {
            return value(flag, envName).map(value -> cwd.resolve(value.trim()).normalize());
        }

        int port(String flag, String envName, int defaultPort) {
            return value(flag, envName)
                    .map(value -> {
                        try {
                            int port = Integer.parseInt(value.trim());
                            if (port >= 0 && port <= 65535) {
                                return port;
                            }
                        } catch (NumberFormatException e) {
                            // reported below
                        }
                        throw usage(
                                flag + " / " + envName + " must be a port between 0 and 65535, not '" + value + "'");
                    })
                    .orElse(defaultPort);
        }

        boolean bool(String envName) {
            String value = env.get(envName);
            return value != null
                    && List.of("true", "1", "yes").contains(value.trim().toLowerCase(Locale.ROOT));
        }
    }
}
