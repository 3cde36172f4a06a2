package dev.tango.support.kafka;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Tango's Kafka settings on top of {@code spring.kafka.*}.
 *
 * @param replicationFactor for topics this service creates; 1 on a single broker, 3 in production
 * @param retryInterval pause between attempts to process a record
 * @param maxRetries attempts after the first, before the record goes to the dead-letter topic
 */
@ConfigurationProperties("tango.kafka")
public record TangoKafkaProperties(Short replicationFactor, Duration retryInterval, Integer maxRetries) {

    public TangoKafkaProperties {
        replicationFactor = replicationFactor == null ? 1 : replicationFactor;
        retryInterval = retryInterval == null ? Duration.ofMillis(200) : retryInterval;
        maxRetries = maxRetries == null ? 3 : maxRetries;
    }
}
