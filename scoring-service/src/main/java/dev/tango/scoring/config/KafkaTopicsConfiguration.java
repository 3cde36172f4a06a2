package dev.tango.scoring.config;

import dev.tango.events.Topics;
import dev.tango.support.kafka.TopicDeclarations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** scoring-service owns the score events; it consumes session events, so it creates their dead-letter topic. */
@Configuration(proxyBeanMethods = false)
class KafkaTopicsConfiguration {

    @Bean
    TopicDeclarations topicDeclarations() {
        return TopicDeclarations.owns(Topics.SCORE_EVENTS).consumes(Topics.SESSION_EVENTS);
    }
}
