package dev.tango.local;

import java.util.List;
import java.util.Locale;

/** One process of the local stack. */
public enum Component {
    KAFKA("kafka", 19092),
    MONGO("mongo", 27019),
    SESSION_SERVICE("session-service", 8081),
    SCORING_SERVICE("scoring-service", 8082),
    FEEDBACK_SERVICE("feedback-service", 8083),
    /** The edge: web UI, sign-in, service tokens, routing of /api/** to the services. */
    GATEWAY("gateway", 8080);

    /**
     * The Spring Boot applications, each run from its exec jar, in the order they are listed to the user: the three
     * services and the gateway in front of them.
     */
    public static final List<Component> SERVICES = List.of(SESSION_SERVICE, SCORING_SERVICE, FEEDBACK_SERVICE, GATEWAY);

    /** The services behind the gateway, which accept only the JWTs it signs. */
    public static final List<Component> BACKEND_SERVICES = List.of(SESSION_SERVICE, SCORING_SERVICE, FEEDBACK_SERVICE);

    /** Kafka and Mongo, which the services need. */
    public static final List<Component> INFRASTRUCTURE = List.of(KAFKA, MONGO);

    private final String displayName;
    private final int defaultPort;

    Component(String displayName, int defaultPort) {
        this.displayName = displayName;
        this.defaultPort = defaultPort;
    }

    /** The name used on the console, in log file names and, for services and the gateway, as the Maven module name. */
    public String displayName() {
        return displayName;
    }

    public int defaultPort() {
        return defaultPort;
    }

    public boolean isService() {
        return SERVICES.contains(this);
    }

    /** The command-line flag that sets this component's port, e.g. {@code --kafka-port}. */
    public String portFlag() {
        return "--" + displayName + "-port";
    }

    /** The environment variable that sets this component's port, e.g. {@code TANGO_KAFKA_PORT}. */
    public String portEnv() {
        return "TANGO_" + displayName.toUpperCase(Locale.ROOT).replace('-', '_') + "_PORT";
    }

    public static Component byDisplayName(String name) {
        for (Component component : values()) {
            if (component.displayName.equals(name)) {
                return component;
            }
        }
        throw new IllegalArgumentException("unknown component '" + name + "'; expected one of " + names());
    }

    static String names() {
        return String.join(
                ", ",
                java.util.Arrays.stream(values()).map(Component::displayName).toList());
    }
}
