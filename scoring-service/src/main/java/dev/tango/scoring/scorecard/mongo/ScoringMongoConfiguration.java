package dev.tango.scoring.scorecard.mongo;

import dev.tango.support.outbox.OutboxCollections;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Session scoring documents carry an outbox of score events, so the relay watches their collection. */
@Configuration(proxyBeanMethods = false)
class ScoringMongoConfiguration {

    @Bean
    OutboxCollections scoringOutbox() {
        return OutboxCollections.of(MongoSessionScorings.COLLECTION);
    }
}
