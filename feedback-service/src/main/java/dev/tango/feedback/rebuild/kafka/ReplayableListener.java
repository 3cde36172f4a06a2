package dev.tango.feedback.rebuild.kafka;

import dev.tango.feedback.rebuild.ProjectionConsumer;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * A listener whose container a rebuild stops, and then starts again at the beginning of every partition it is
 * assigned. Seeking a running container is not enough: its listeners return {@code Mono}, and a seek while
 * acknowledgements are outstanding can leave the consumer paused; a restarted container has none.
 */
public abstract class ReplayableListener implements ProjectionConsumer, ConsumerSeekAware {

    private final ObjectProvider<KafkaListenerEndpointRegistry> registry;
    private final AtomicBoolean fromStart = new AtomicBoolean();

    protected ReplayableListener(ObjectProvider<KafkaListenerEndpointRegistry> registry) {
        this.registry = registry;
    }

    @Override
    public void stop() {
        container().stop();
    }

    @Override
    public void replayFromStart() {
        fromStart.set(true);
        container().start();
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        if (fromStart.get() && !assignments.isEmpty()) {
            callback.seekToBeginning(assignments.keySet());
            fromStart.set(false);
        }
    }

    private MessageListenerContainer container() {
        MessageListenerContainer container = registry.getObject().getListenerContainer(name());
        if (container == null) {
            throw new IllegalStateException("No listener container " + name());
        }
        return container;
    }
}
