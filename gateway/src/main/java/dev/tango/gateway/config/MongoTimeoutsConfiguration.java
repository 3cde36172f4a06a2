package dev.tango.gateway.config;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Short MongoDB timeouts, as in the services ({@code tango.mongo.*}): every API call looks its token up in the
 * gateway's database, so with the driver's defaults (30 s to select a server) a database outage would hold each call
 * for half a minute. With these it answers 503 problem+json within about a second ({@code
 * ApiErrorWebExceptionHandler}). A connection string's own {@code serverSelectionTimeoutMS} or {@code
 * connectTimeoutMS} still wins: Boot's customizer applies it after this one.
 */
@Configuration(proxyBeanMethods = false)
class MongoTimeoutsConfiguration {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    MongoClientSettingsBuilderCustomizer tangoMongoTimeouts(
            @Value("${tango.mongo.server-selection-timeout:1s}") Duration serverSelectionTimeout,
            @Value("${tango.mongo.connect-timeout:1s}") Duration connectTimeout) {
        return settings -> settings.applyToClusterSettings(cluster ->
                        cluster.serverSelectionTimeout(serverSelectionTimeout.toMillis(), TimeUnit.MILLISECONDS))
                .applyToSocketSettings(
                        socket -> socket.connectTimeout((int) connectTimeout.toMillis(), TimeUnit.MILLISECONDS));
    }
}
