package dev.tango.scoring.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tango.events.EventEnvelope;
import dev.tango.events.Phase;
import dev.tango.scoring.ScoringServiceIntegrationTest;
import dev.tango.support.events.Disposition;
import dev.tango.support.events.Receipt;
import dev.tango.testsupport.SessionStory;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/** Redeliveries racing each other against the real MongoDB-protocol server: optimistic locking lets one win. */
class ConcurrentDeliveryIT extends ScoringServiceIntegrationTest {

    @Autowired
    TimelineProjector projector;

    @Autowired
    SessionTimelines timelines;

    @Test
    void theSameEventDeliveredConcurrentlyIsAppliedOnce() {
        SessionStory story = SessionStory.newSession();
        story.scheduled();
        story.started();
        EventEnvelope<?> opening = story.phase(Phase.OPENING, Duration.ZERO);
        Flux.fromIterable(story.events().subList(0, 2))
                .concatMap(projector::project)
                .then()
                .block(Duration.ofSeconds(30));

        List<Disposition> dispositions = Flux.range(0, 8)
                .flatMap(i -> projector.project(opening).subscribeOn(Schedulers.parallel()))
                .flatMapIterable(Receipt::handled)
                .map(Receipt.Handled::disposition)
                .collectList()
                .block(Duration.ofSeconds(30));

        assertThat(dispositions).containsOnlyOnce(Disposition.APPLIED).hasSize(8);
        SessionTimeline stored = timelines.find(story.sessionId()).block(Duration.ofSeconds(10));
        assertThat(stored.phases()).extracting(PhaseVisit::phase).containsExactly(Phase.OPENING);
        assertThat(stored.lastSequence()).isEqualTo(3);
    }
}
