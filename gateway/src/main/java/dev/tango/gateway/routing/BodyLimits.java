package dev.tango.gateway.routing;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The largest request body each route takes ({@code tango.gateway.body-limits.*}): the same as the service behind it
 * accepts ({@code spring.http.codecs.max-in-memory-size} and {@code tango.idempotency.max-body-size} there), so that a
 * body the service would refuse is refused at the edge instead, before anything is sent on.
 *
 * @param max for every route not named in {@code routes}
 * @param routes by route id (application.yml), e.g. {@code scoring-service: 2MB} for transcript imports
 */
@ConfigurationProperties("tango.gateway.body-limits")
public record BodyLimits(@DefaultValue("256KB") DataSize max, Map<String, DataSize> routes) {

    public BodyLimits {
        routes = routes == null ? Map.of() : Map.copyOf(routes);
        if (max.toBytes() < 0 || routes.values().stream().anyMatch(limit -> limit.toBytes() < 0)) {
            throw new IllegalArgumentException("tango.gateway.body-limits must not be negative");
        }
    }

    /** The limit in bytes of the route with this id ({@code null}: not routed, the default). */
    public long forRoute(String routeId) {
        DataSize limit = routeId == null ? null : routes.get(routeId);
        return (limit == null ? max : limit).toBytes();
    }
}
