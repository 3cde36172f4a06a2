package dev.tango.support.idempotency;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code Idempotency-Key} support on write requests ({@code tango.idempotency.*}).
 *
 * @param enabled whether the filter is installed at all
 * @param retention how long a completed response is replayed for the same key
 * @param pendingTimeout how long a claimed key answers "in progress" before another request may take it over (the
 *     first one is presumed dead)
 * @param maxBodySize the largest request body read for the fingerprint; a larger one answers 413
 * @param sweepInterval how often expired records are deleted
 */
@ConfigurationProperties("tango.idempotency")
public record TangoIdempotencyProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("24h") Duration retention,
        @DefaultValue("60s") Duration pendingTimeout,
        @DefaultValue("256KB") DataSize maxBodySize,
        @DefaultValue("10m") Duration sweepInterval) {

    public TangoIdempotencyProperties {
        positive("retention", retention);
        positive("pending-timeout", pendingTimeout);
        positive("sweep-interval", sweepInterval);
        if (maxBodySize.toBytes() < 0 || maxBodySize.toBytes() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("tango.idempotency.max-body-size must be between 0 and 2GB");
        }
    }

    private static void positive(String name, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("tango.idempotency." + name + " must be positive");
        }
    }
}
