package dev.tango.feedback.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tango.events.EventEnvelope;
import dev.tango.events.Phase;
import dev.tango.support.events.ProcessedEvents;
import dev.tango.testsupport.SessionStory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class DashboardProjectorTest {

    private final InMemoryStores stores = new InMemoryStores();
    private final MeterRegistry meters = new SimpleMeterRegistry();
    private final DashboardProjector projector = new DashboardProjector(
            stores.dashboards, stores.routes, new ProcessedEvents(meters, Clock.systemUTC()), meters);

    private final SessionStory story = SessionStory.newSession();
    private final List<EventEnvelope<?>> events = story.wholeSession();

    @Test
    void routesASessionToItsStudentsDashboard() {
        events.forEach(this::project);

        SessionSummary summary = dashboard().get(0);
        assertThat(summary.status()).isEqualTo(SessionStatus.ENDED);
        assertThat(summary.lastSequence()).isEqualTo(events.size());
        assertThat(stores.routesById.get(story.sessionId()).studentId()).isEqualTo(story.studentId());
        assertThat(processed("applied")).isEqualTo(events.size());
    }

    @Test
    void eventsBeforeTheScheduledOneWaitInTheRouteAndFollowItToTheDashboard() {
        events.subList(1, events.size()).forEach(this::project);

        assertThat(stores.dashboardsById).doesNotContainKey(story.studentId());
        assertThat(stores.routesById.get(story.sessionId()).pending()).hasSize(events.size() - 1);
        assertThat(count("tango.events.parked")).isEqualTo(events.size() - 1);

        project(events.get(0));

        SessionSummary summary = dashboard().get(0);
        assertThat(summary.lastSequence()).isEqualTo(events.size());
        assertThat(summary.phasesVisited())
                .containsExactly(
                        Phase.OPENING,
                        Phase.EXPLORING,
                        Phase.MEANING_MAKING,
                        Phase.EXPLORING,
                        Phase.ACTION_PLANNING,
                        Phase.CLOSING);
        assertThat(stores.routesById.get(story.sessionId()).pending()).isEmpty();
        assertThat(processed("applied")).isEqualTo(events.size());
    }

    @Test
    void redeliveryChangesNothingAndCountsDuplicates() {
        events.forEach(this::project);
        List<SessionSummary> before = dashboard();

        events.forEach(this::project);

        assertThat(dashboard()).isEqualTo(before);
        assertThat(processed("duplicate")).isEqualTo(events.size());
        assertThat(processed("applied")).isEqualTo(events.size());
    }

    @Test
    void aLostRaceIsRetriedFromFreshReadsWithoutApplyingAnythingTwice() {
        project(events.get(2));
        stores.routeSavesToLose.set(2);

        project(events.get(0));
        project(events.get(1));

        assertThat(dashboard().get(0).lastSequence()).isEqualTo(3);
        assertThat(dashboard().get(0).phasesVisited()).containsExactly(Phase.OPENING);
        assertThat(processed("applied")).isEqualTo(3);
    }

    private void project(EventEnvelope<?> event) {
        StepVerifier.create(projector.project(event)).expectNextCount(1).verifyComplete();
    }

    private List<SessionSummary> dashboard() {
        return stores.dashboardsById.get(story.studentId()).newestFirst();
    }

    private double processed(String outcome) {
        return count("tango.events.processed", "outcome", outcome);
    }

    private double count(String name, String... tags) {
        return meters.find(name).tags(tags).counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }
}
