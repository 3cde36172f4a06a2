package dev.tango.testsupport;

import java.util.Locale;

/**
 * Which Kafka and MongoDB the integration tests of this JVM talk to. One switch, read once: the system property
 * {@value #PROPERTY} (set by the Maven profile {@code -Pcontainers}), else the environment variable {@value #ENV},
 * else {@link #EMBEDDED}.
 */
public enum InfrastructureMode {

    /** The default: a KRaft broker and mongo-java-server in this JVM, on free ports, over TCP. */
    EMBEDDED("embedded"),

    /** Real {@code apache/kafka} and {@code mongo} (single-node replica set) containers; needs a Docker engine. */
    CONTAINERS("containers");

    public static final String PROPERTY = "tango.test.infra";
    public static final String ENV = "TANGO_TEST_INFRA";

    private final String value;

    InfrastructureMode(String value) {
        this.value = value;
    }

    /** The switch's value that selects this mode. */
    public String value() {
        return value;
    }

    /** The mode of this JVM, from its system properties and environment. */
    public static InfrastructureMode current() {
        return select(System.getProperty(PROPERTY), System.getenv(ENV));
    }

    /**
     * The property wins over the environment variable; blank means unset. An unknown value fails, rather than
     * quietly running on the embedded default when the real servers were asked for.
     */
    static InfrastructureMode select(String property, String environment) {
        String chosen = isBlank(property) ? environment : property;
        if (isBlank(chosen)) {
            return EMBEDDED;
        }
        String normalized = chosen.trim().toLowerCase(Locale.ROOT);
        for (InfrastructureMode mode : values()) {
            if (mode.value.equals(normalized)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("Unknown test infrastructure '" + chosen + "' (-D" + PROPERTY + " or " + ENV
                + "): use 'embedded' (the default) or 'containers'");
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
