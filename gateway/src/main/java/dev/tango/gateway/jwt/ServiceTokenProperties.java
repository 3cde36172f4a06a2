package dev.tango.gateway.jwt;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The service-token contract ({@code tango.security.*}): {@code iss} (must be a URL), {@code aud}, lifetime (at most 5
 * minutes), how long before expiry a cached token is replaced, and the folder that keeps the signing key.
 */
@ConfigurationProperties("tango.security")
public record ServiceTokenProperties(
        @DefaultValue("http://127.0.0.1:8080") String issuer,
        @DefaultValue("tango-api") String audience,
        @DefaultValue("5m") Duration tokenLifetime,
        @DefaultValue("1m") Duration tokenRefreshBefore,
        @DefaultValue(".tango/keys") Path keyDir) {

    public static final Duration MAX_LIFETIME = Duration.ofMinutes(5);

    public ServiceTokenProperties {
        if (tokenLifetime.isNegative() || tokenLifetime.isZero() || tokenLifetime.compareTo(MAX_LIFETIME) > 0) {
            throw new IllegalArgumentException("tango.security.token-lifetime must be between 1s and 5m");
        }
        if (tokenRefreshBefore.isNegative() || tokenRefreshBefore.compareTo(tokenLifetime) >= 0) {
            throw new IllegalArgumentException("tango.security.token-refresh-before must be shorter than the lifetime");
        }
    }
}
