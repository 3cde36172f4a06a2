package dev.tango.support.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Outbox relay settings.
 *
 * @param initialBackoff delay before the recovery sweep that follows a failed relay
 * @param maxBackoff the delay doubles after each failed sweep, up to this
 * @param concurrency documents relayed at once by a sweep
 */
@ConfigurationProperties("tango.outbox")
public record TangoOutboxProperties(Duration initialBackoff, Duration maxBackoff, Integer concurrency) {

    public TangoOutboxProperties {
        initialBackoff = initialBackoff == null ? Duration.ofSeconds(1) : initialBackoff;
        maxBackoff = maxBackoff == null ? Duration.ofMinutes(1) : maxBackoff;
        concurrency = concurrency == null ? 4 : concurrency;
    }
}
