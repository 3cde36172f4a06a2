package dev.tango.support.kafka;

import dev.tango.events.Topics;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The topics a service creates at startup: those it owns and the dead-letter topics of those it consumes. Topics are
 * never auto-created on first send.
 */
public final class TopicDeclarations {

    private final List<Topics.TopicSpec> owned;
    private final List<Topics.TopicSpec> consumed;

    private TopicDeclarations(List<Topics.TopicSpec> owned, List<Topics.TopicSpec> consumed) {
        this.owned = List.copyOf(owned);
        this.consumed = List.copyOf(consumed);
    }

    public static TopicDeclarations owns(Topics.TopicSpec... topics) {
        return new TopicDeclarations(List.of(topics), List.of());
    }

    public TopicDeclarations consumes(Topics.TopicSpec... topics) {
        List<Topics.TopicSpec> all = new ArrayList<>(consumed);
        all.addAll(List.of(topics));
        return new TopicDeclarations(owned, all);
    }

    public List<Topics.TopicSpec> consumed() {
        return consumed;
    }

    KafkaAdmin.NewTopics newTopics(short replicationFactor) {
        List<NewTopic> topics = new ArrayList<>();
        owned.forEach(spec -> topics.add(TopicBuilder.name(spec.name())
                .partitions(spec.partitions())
                .replicas(replicationFactor)
                .build()));
        // One partition is plenty for records that failed; their original partition is kept in headers.
        consumed.forEach(spec -> topics.add(TopicBuilder.name(spec.deadLetter())
                .partitions(1)
                .replicas(replicationFactor)
                .build()));
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }
}
