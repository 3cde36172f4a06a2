package dev.tango.feedback.config;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.DefaultErrorHandler;

/**
 * Makes the shared error handler safe for listeners with an asynchronous return type.
 *
 * <p>Such a listener's container pauses the consumer until every record of the last poll has been acknowledged. When
 * a record fails before the listener is invoked (it does not deserialize), the error handler by default seeks the
 * partitions back to the records not yet handled; spring-kafka 4.0.6 then still waits for those records'
 * acknowledgements, which never come, and the consumer stays paused for good. Without the seek the container keeps the
 * remaining records in memory and hands them to the listener next, which both acknowledges them and keeps their
 * order. Retries of a failed record are delivered from memory too, with the same bounded attempts and dead-letter
 * topic.
 */
@Configuration(proxyBeanMethods = false)
class AsyncListenerErrorHandling {

    @Bean
    static BeanPostProcessor retryWithoutSeeking() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof DefaultErrorHandler handler) {
                    handler.setSeekAfterError(false);
                }
                return bean;
            }
        };
    }
}
