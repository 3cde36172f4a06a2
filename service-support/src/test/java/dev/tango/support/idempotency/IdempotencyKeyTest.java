package dev.tango.support.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdempotencyKeyTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "a",
                "0f8fad5b-d9cb-469f-a165-70867728950e",
                "!~\"quoted\"",
                "order:2026-05-01/42?x=y",
            })
    void acceptsOneTo255VisibleAsciiCharacters(String value) {
        assertThat(IdempotencyKey.isValid(value)).isTrue();
        assertThat(new IdempotencyKey(value).value()).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "two words", "tab\tinside", "line\nbreak", "caf\u00e9", "del\u007f", "nul\u0000"})
    void refusesEmptyKeysSpacesControlAndNonAsciiCharacters(String value) {
        assertThat(IdempotencyKey.isValid(value)).isFalse();
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new IdempotencyKey(value))
                .withMessageContaining("Idempotency-Key");
    }

    @ParameterizedTest
    @ValueSource(ints = {254, 255})
    void acceptsKeysUpTo255Characters(int length) {
        assertThat(IdempotencyKey.isValid("k".repeat(length))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {256, 1000})
    void refusesKeysLongerThan255Characters(int length) {
        assertThat(IdempotencyKey.isValid("k".repeat(length))).isFalse();
    }

    @org.junit.jupiter.api.Test
    void refusesNull() {
        assertThat(IdempotencyKey.isValid(null)).isFalse();
    }
}
