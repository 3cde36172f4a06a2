package dev.tango.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tango.events.session.PhaseEntered;
import dev.tango.events.session.SessionEnded;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class EventCodecTest {

    private final EventSerializer serializer = new EventSerializer();
    private final EventDeserializer deserializer = new EventDeserializer();
    private final SessionId session = SessionId.of("s-1");

    @Test
    void roundTripsAnEnvelopeThroughHeadersAndBody() {
        EventEnvelope<SessionEnded> sent = EventEnvelope.of(
                "/tango/session-service",
                Instant.parse("2026-11-21T14:45:05Z"),
                9,
                new SessionEnded(
                        session,
                        Instant.parse("2026-11-21T14:45:05Z"),
                        Phase.CLOSING,
                        Map.of(Phase.OPENING, 1000L, Phase.CLOSING, 2000L),
                        List.of(Phase.EXPLORING, Phase.MEANING_MAKING, Phase.ACTION_PLANNING),
                        3000));
        RecordHeaders headers = new RecordHeaders();

        byte[] body = serializer.serialize("t", headers, sent);
        EventEnvelope<?> received = deserializer.deserialize("t", headers, body);

        assertThat(received).isEqualTo(sent);
        assertThat(header(headers, "ce_type")).isEqualTo("tango.session.ended.v1");
        assertThat(header(headers, "ce_sequence")).isEqualTo("9");
        assertThat(new String(body, StandardCharsets.UTF_8)).doesNotContain("dev.tango");
    }

    @Test
    void ignoresFieldsAddedByANewerProducer() {
        RecordHeaders headers = headersFor("tango.session.phase-entered.v1");
        byte[] body = """
                {"sessionId":"s-1","phase":"EXPLORING","previousPhase":"OPENING",
                 "enteredAt":"2026-11-21T14:06:35Z","offsetMs":null,"mood":"curious"}""".getBytes(StandardCharsets.UTF_8);

        EventEnvelope<?> received = deserializer.deserialize("t", headers, body);

        assertThat(received.data()).isInstanceOf(PhaseEntered.class);
        assertThat(((PhaseEntered) received.data()).phase()).isEqualTo(Phase.EXPLORING);
    }

    @Test
    void rejectsAnUnknownEventType() {
        RecordHeaders headers = headersFor("tango.session.teleported.v1");

        assertThatThrownBy(() -> deserializer.deserialize(
                        "t", headers, "{\"sessionId\":\"s-1\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("tango.session.teleported.v1");
    }

    @Test
    void rejectsABodyThatIsNotJson() {
        RecordHeaders headers = headersFor("tango.session.started.v1");

        assertThatThrownBy(() -> deserializer.deserialize("t", headers, "{not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void rejectsARecordWithoutCloudEventsHeaders() {
        assertThatThrownBy(() -> deserializer.deserialize(
                        "t", new RecordHeaders(), "{\"sessionId\":\"s-1\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void rejectsAMissingSequence() {
        RecordHeaders headers = headersFor("tango.session.started.v1");
        headers.remove("ce_sequence");

        assertThatThrownBy(() -> deserializer.deserialize(
                        "t",
                        headers,
                        "{\"sessionId\":\"s-1\",\"startedAt\":\"2026-11-21T14:00:05Z\"}"
                                .getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("sequence");
    }

    @Test
    void rejectsASubjectThatIsNotTheSessionOfThePayload() {
        RecordHeaders headers = headersFor("tango.session.started.v1");

        assertThatThrownBy(() -> deserializer.deserialize(
                        "t",
                        headers,
                        "{\"sessionId\":\"s-2\",\"startedAt\":\"2026-11-21T14:00:05Z\"}"
                                .getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("subject");
    }

    @Test
    void typedIdsRefuseValuesThatCannotTravelInUrlsAndKeys() {
        assertThatThrownBy(() -> SessionId.of("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SessionId.of("{\"$gt\": \"\"}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UserId.of("x".repeat(65))).isInstanceOf(IllegalArgumentException.class);
        assertThat(ProgramId.of("pcc-2026.spring_1").value()).isEqualTo("pcc-2026.spring_1");
    }

    @Test
    void envelopeRefusesANonPositiveSequence() {
        assertThatThrownBy(() -> EventEnvelope.of(
                        "/x", Instant.EPOCH, 0, new dev.tango.events.session.SessionStarted(session, Instant.EPOCH)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static RecordHeaders headersFor(String type) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", bytes("1.0"));
        headers.add("ce_id", bytes("e-1"));
        headers.add("ce_source", bytes("/tango/session-service"));
        headers.add("ce_type", bytes(type));
        headers.add("ce_subject", bytes("s-1"));
        headers.add("ce_time", bytes("2026-11-21T14:06:35Z"));
        headers.add("ce_sequence", bytes("3"));
        headers.add("content-type", bytes("application/json"));
        return headers;
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static String header(RecordHeaders headers, String key) {
        return new String(headers.lastHeader(key).value(), StandardCharsets.UTF_8);
    }
}
