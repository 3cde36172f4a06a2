package dev.tango.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tango.events.EventEnvelope;
import dev.tango.events.Phase;
import dev.tango.events.SessionId;
import dev.tango.events.UnknownEventTypeException;
import dev.tango.events.session.PhaseEntered;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OutboxEntryTest {

    @Test
    void turnsBackIntoTheEnvelopeItWasMadeFrom() {
        EventEnvelope<PhaseEntered> envelope = EventEnvelope.of(
                "/tango/session-service",
                Instant.parse("2026-11-21T14:06:35.123Z"),
                4,
                new PhaseEntered(
                        SessionId.of("s-1"),
                        Phase.EXPLORING,
                        Phase.OPENING,
                        Instant.parse("2026-11-21T14:06:35.123Z"),
                        null));

        OutboxEntry entry = OutboxEntry.of(envelope);

        assertThat(entry.type()).isEqualTo("tango.session.phase-entered.v1");
        assertThat(entry.payload()).contains("\"phase\":\"EXPLORING\"").doesNotContain("dev.tango");
        assertThat(entry.toEnvelope()).isEqualTo(envelope);
    }

    @Test
    void keepsTheMillisecondsMongoDbStores() {
        OutboxEntry entry = new OutboxEntry("e-1", "t", 1, Instant.parse("2026-11-21T14:06:35.123456Z"), "/s", "{}");

        assertThat(entry.time()).isEqualTo(Instant.parse("2026-11-21T14:06:35.123Z"));
    }

    @Test
    void failsForATypeThisBuildDoesNotKnow() {
        OutboxEntry entry = new OutboxEntry("e-1", "tango.session.teleported.v1", 1, Instant.EPOCH, "/s", "{}");

        assertThatThrownBy(entry::toEnvelope).isInstanceOf(UnknownEventTypeException.class);
    }
}
