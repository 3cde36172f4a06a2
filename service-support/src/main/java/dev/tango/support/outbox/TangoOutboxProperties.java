package dev.tango.support.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Outbox relay settings.
 *
 * @param initialBackoff delay before the recovery sweep that follows a failed relay
 * @param maxBackoff the delay doubles after each failed sweep, up to this (10 s by default: once Kafka is back, the
 *     events follow within about that long; a sweep that fails costs one metadata wait of {@code max.block.ms})
 * @param concurrency documents relayed at once by a sweep
 */
@ConfigurationProperties("tango.outbox")
public record TangoOutboxProperties(Duration initialBackoff, Duration maxBackoff, Integer concurrency) {

    public TangoOutboxProperties {
        initialBackoff = initialBackoff == null ? Duration.ofSeconds(1) : initialBackoff;
        maxBackoff = maxBackoff == null ? Duration.ofSeconds(10) : maxBackoff;
        concurrency = concurrency == null ? 4 : concurrency;
    }
}
