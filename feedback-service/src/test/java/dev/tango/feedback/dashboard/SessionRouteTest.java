package dev.tango.feedback.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tango.events.EventEnvelope;
import dev.tango.support.events.Disposition;
import dev.tango.support.events.Receipt;
import dev.tango.testsupport.SessionStory;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionRouteTest {

    private final SessionStory story = SessionStory.newSession();
    private final List<EventEnvelope<?>> events = story.wholeSession();

    @Test
    void parksEventsUntilTheStudentIsKnownInSequenceOrder() {
        SessionRoute route = SessionRoute.unrouted(story.sessionId());

        route = route.park(events.get(4)).state();
        Receipt<SessionRoute> receipt = route.park(events.get(2));

        assertThat(receipt.handled()).extracting(Receipt.Handled::disposition).containsExactly(Disposition.PARKED);
        assertThat(receipt.state().pending()).containsExactly(events.get(2), events.get(4));
        assertThat(receipt.state().isRouted()).isFalse();
    }

    @Test
    void anEventParkedTwiceIsADuplicate() {
        SessionRoute route =
                SessionRoute.unrouted(story.sessionId()).park(events.get(2)).state();

        Receipt<SessionRoute> again = route.park(events.get(2));

        assertThat(again.changed()).isFalse();
        assertThat(again.state()).isSameAs(route);
    }

    @Test
    void onceRoutedItKeepsNoEvents() {
        SessionRoute route =
                SessionRoute.unrouted(story.sessionId()).park(events.get(2)).state();

        SessionRoute routed = route.routedTo(story.studentId());

        assertThat(routed.isRouted()).isTrue();
        assertThat(routed.studentId()).isEqualTo(story.studentId());
        assertThat(routed.pending()).isEmpty();
        assertThatThrownBy(() -> routed.park(events.get(3))).isInstanceOf(IllegalStateException.class);
    }
}
