package dev.tango.support.security;

import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.core.env.Environment;

/**
 * Whether {@code /actuator/prometheus} answers without a token on the separate management port
 * ({@code tango.management.open-prometheus=true} with {@code management.server.port} set).
 *
 * <p>Prometheus cannot obtain the gateway's five-minute service JWTs, so a deployment (docker-compose.yml) serves
 * actuator on a management port that only its own network reaches and lets the scrape through there. On the API port
 * actuator then does not exist at all. Asking for it without a separate management port is refused at startup: it
 * would open the metrics on the port the API is served on.
 */
public final class ManagementPrometheus {

    public static final String PROPERTY = "tango.management.open-prometheus";

    private ManagementPrometheus() {}

    public static boolean open(Environment environment) {
        if (!environment.getProperty(PROPERTY, Boolean.class, false)) {
            return false;
        }
        if (ManagementPortType.get(environment) != ManagementPortType.DIFFERENT) {
            throw new IllegalStateException(PROPERTY + "=true needs management.server.port set to a port other than"
                    + " server.port: the metrics are opened on the management port only, never on the API port.");
        }
        return true;
    }
}
