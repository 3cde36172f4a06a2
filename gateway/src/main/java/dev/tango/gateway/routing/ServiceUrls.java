package dev.tango.gateway.routing;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Base URLs of the services ({@code tango.gateway.services.*}); the routes in application.yml use the same keys. */
@ConfigurationProperties("tango.gateway.services")
public record ServiceUrls(
        @DefaultValue("http://127.0.0.1:8081") URI session,
        @DefaultValue("http://127.0.0.1:8082") URI scoring,
        @DefaultValue("http://127.0.0.1:8083") URI feedback) {}
