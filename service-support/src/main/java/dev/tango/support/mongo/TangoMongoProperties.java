package dev.tango.support.mongo;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long a service waits for MongoDB before it gives up on a request. The driver's defaults (30 s to select a
 * server, 10 s to connect) would hold every request of an outage for half a minute; with these, a write answers 503
 * within about a second while the database is away. A connection string's own {@code serverSelectionTimeoutMS} or
 * {@code connectTimeoutMS} still wins.
 *
 * @param serverSelectionTimeout how long an operation waits for a reachable server
 * @param connectTimeout how long opening a connection may take
 */
@ConfigurationProperties("tango.mongo")
public record TangoMongoProperties(Duration serverSelectionTimeout, Duration connectTimeout) {

    public TangoMongoProperties {
        serverSelectionTimeout = serverSelectionTimeout == null ? Duration.ofSeconds(1) : serverSelectionTimeout;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(1) : connectTimeout;
    }
}
