package dev.tango.support.idempotency;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class RequestFingerprintTest {

    private static final byte[] BODY = "{\"name\":\"a\"}".getBytes(UTF_8);

    private static RequestFingerprint base() {
        return RequestFingerprint.of("POST", "/api/things?x=1", "application/json", BODY);
    }

    @Test
    void isTheSameForTheSameRequest() {
        assertThat(RequestFingerprint.of("POST", "/api/things?x=1", "application/json", BODY.clone()))
                .isEqualTo(base());
        assertThat(base().hex()).hasSize(64).matches("[0-9a-f]+");
    }

    @Test
    void changesWithTheMethodThePathTheQueryTheContentTypeAndTheBody() {
        assertThat(RequestFingerprint.of("PUT", "/api/things?x=1", "application/json", BODY))
                .isNotEqualTo(base());
        assertThat(RequestFingerprint.of("POST", "/api/other?x=1", "application/json", BODY))
                .isNotEqualTo(base());
        assertThat(RequestFingerprint.of("POST", "/api/things?x=2", "application/json", BODY))
                .isNotEqualTo(base());
        assertThat(RequestFingerprint.of("POST", "/api/things?x=1", "text/plain", BODY))
                .isNotEqualTo(base());
        assertThat(RequestFingerprint.of("POST", "/api/things?x=1", null, BODY)).isNotEqualTo(base());
        assertThat(RequestFingerprint.of(
                        "POST", "/api/things?x=1", "application/json", "{\"name\":\"b\"}".getBytes(UTF_8)))
                .isNotEqualTo(base());
    }

    @Test
    void doesNotConfuseBytesMovedFromOnePartToTheNext() {
        // Plain concatenation would give both the same input.
        assertThat(RequestFingerprint.of("POST", "/api/a", "text/plain", "bc".getBytes(UTF_8)))
                .isNotEqualTo(RequestFingerprint.of("POST", "/api/a", "text/plainb", "c".getBytes(UTF_8)));
    }

    @Test
    void treatsAMissingAndAnEmptyContentTypeAlike() {
        assertThat(RequestFingerprint.of("DELETE", "/api/things/1", null, new byte[0]))
                .isEqualTo(RequestFingerprint.of("DELETE", "/api/things/1", "", new byte[0]));
    }

    @Test
    void scopesTheRecordIdToTheCallerAsSha256OfCallerNewlineKey() throws Exception {
        IdempotencyKey key = new IdempotencyKey("k-1");
        String expected =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest("user-a\nk-1".getBytes(UTF_8)));

        assertThat(RequestFingerprint.recordId("user-a", key)).isEqualTo(expected);
        assertThat(RequestFingerprint.recordId("user-b", key)).isNotEqualTo(expected);
    }
}
