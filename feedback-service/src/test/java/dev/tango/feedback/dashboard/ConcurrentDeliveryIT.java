package dev.tango.feedback.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tango.events.EventEnvelope;
import dev.tango.events.Phase;
import dev.tango.events.UserId;
import dev.tango.feedback.FeedbackServiceIntegrationTest;
import dev.tango.support.events.Disposition;
import dev.tango.support.events.Receipt;
import dev.tango.testsupport.SessionStory;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * Deliveries racing each other against the real MongoDB-protocol server: optimistic locking on the dashboard and the
 * route lets each event be applied exactly once.
 */
class ConcurrentDeliveryIT extends FeedbackServiceIntegrationTest {

    @Autowired
    DashboardProjector projector;

    @Autowired
    Dashboards dashboards;

    @Test
    void theSameEventDeliveredConcurrentlyIsAppliedOnce() {
        SessionStory story = SessionStory.newSession();
        List<EventEnvelope<?>> events = story.wholeSession();
        Flux.fromIterable(events.subList(0, 2))
                .concatMap(projector::project)
                .then()
                .block(Duration.ofSeconds(30));

        List<Disposition> dispositions = Flux.range(0, 8)
                .flatMap(i -> projector.project(events.get(2)).subscribeOn(Schedulers.parallel()))
                .flatMapIterable(handled -> handled)
                .map(Receipt.Handled::disposition)
                .collectList()
                .block(Duration.ofSeconds(30));

        assertThat(dispositions).containsOnlyOnce(Disposition.APPLIED).hasSize(8);
        assertThat(phasesVisited(story.studentId())).containsExactly(Phase.OPENING);
    }

    @Test
    void sessionsOfOneStudentUpdatedConcurrentlyAreAllKept() {
        UserId student = UserId.newId();
        List<SessionStory> stories = List.of(
                SessionStory.forStudent(student), SessionStory.forStudent(student), SessionStory.forStudent(student));

        Flux.fromIterable(stories)
                .flatMap(story -> Flux.fromIterable(story.wholeSession())
                        .concatMap(projector::project)
                        .subscribeOn(Schedulers.parallel()))
                .then()
                .block(Duration.ofSeconds(60));

        StudentSessions dashboard = dashboards.find(student).block(Duration.ofSeconds(10));
        assertThat(dashboard.newestFirst()).hasSize(3).allSatisfy(summary -> {
            assertThat(summary.status()).isEqualTo(SessionStatus.ENDED);
            assertThat(summary.lastSequence()).isEqualTo(9);
        });
    }

    private List<Phase> phasesVisited(UserId student) {
        return dashboards
                .find(student)
                .block(Duration.ofSeconds(10))
                .newestFirst()
                .get(0)
                .phasesVisited();
    }
}
