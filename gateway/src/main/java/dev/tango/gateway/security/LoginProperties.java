package dev.tango.gateway.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in throttling ({@code tango.security.login.*}): after {@code accountFailures} failed attempts for one account
 * within {@code accountWindow}, or {@code addressFailures} from one client address within {@code addressWindow},
 * further attempts are refused without checking the password until the window refills.
 */
@ConfigurationProperties("tango.security.login")
public record LoginProperties(
        @DefaultValue("5") int accountFailures,
        @DefaultValue("15m") Duration accountWindow,
        @DefaultValue("20") int addressFailures,
        @DefaultValue("15m") Duration addressWindow,
        @DefaultValue("10000") int maxTracked) {}
