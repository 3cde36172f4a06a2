package dev.tango.support.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tango.events.EventEnvelope;
import dev.tango.testsupport.SessionStory;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionInboxTest {

    private final List<EventEnvelope<?>> events = SessionStory.newSession().wholeSession();

    @Test
    void appliesTheNextSequenceRightAway() {
        SessionInbox.Delivery delivery = SessionInbox.empty().accept(events.get(0));

        assertThat(delivery.kind()).isEqualTo(SessionInbox.Delivery.Kind.READY);
        assertThat(delivery.ready()).containsExactly(events.get(0));
        assertThat(delivery.inbox()).isEqualTo(new SessionInbox(1, List.of()));
    }

    @Test
    void treatsAnAppliedOrAlreadyParkedSequenceAsDuplicate() {
        SessionInbox inbox = new SessionInbox(2, List.of(events.get(4)));

        assertThat(inbox.accept(events.get(1)).kind()).isEqualTo(SessionInbox.Delivery.Kind.DUPLICATE);
        assertThat(inbox.accept(events.get(0)).kind()).isEqualTo(SessionInbox.Delivery.Kind.DUPLICATE);
        assertThat(inbox.accept(events.get(4)).kind()).isEqualTo(SessionInbox.Delivery.Kind.DUPLICATE);
        assertThat(inbox.accept(events.get(4)).inbox()).isSameAs(inbox);
    }

    @Test
    void parksAnEventThatArrivesBeforeItsPredecessor() {
        SessionInbox.Delivery delivery = SessionInbox.empty().accept(events.get(2));

        assertThat(delivery.kind()).isEqualTo(SessionInbox.Delivery.Kind.PARKED);
        assertThat(delivery.ready()).isEmpty();
        assertThat(delivery.inbox()).isEqualTo(new SessionInbox(0, List.of(events.get(2))));
    }

    @Test
    void releasesParkedEventsInSequenceOrderOnceTheGapIsFilledAndKeepsThoseBehindAnotherGap() {
        SessionInbox inbox = SessionInbox.empty();
        for (int index : new int[] {5, 2, 1, 3}) {
            inbox = inbox.accept(events.get(index)).inbox();
        }

        SessionInbox.Delivery delivery = inbox.accept(events.get(0));

        assertThat(delivery.kind()).isEqualTo(SessionInbox.Delivery.Kind.READY);
        assertThat(delivery.ready()).containsExactly(events.get(0), events.get(1), events.get(2), events.get(3));
        assertThat(delivery.inbox()).isEqualTo(new SessionInbox(4, List.of(events.get(5))));
    }
}
