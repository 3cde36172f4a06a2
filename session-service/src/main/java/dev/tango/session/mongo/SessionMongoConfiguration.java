package dev.tango.session.mongo;

import dev.tango.support.outbox.OutboxCollections;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Session documents carry an outbox, so the relay watches their collection. */
@Configuration(proxyBeanMethods = false)
class SessionMongoConfiguration {

    @Bean
    OutboxCollections sessionOutbox() {
        return OutboxCollections.of(MongoPracticeSessions.COLLECTION);
    }
}
