package dev.tango.support.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import reactor.util.context.Context;

class IdempotentIdsTest {

    @Test
    void derivesANameBasedUuidOfSubjectKeyAndKindWhenTheContextHasAKey() {
        String id = derive("comment", IdempotentIds.scope("mentor-marco", "key-1", "f1"));

        assertThat(id)
                .isEqualTo(UUID.nameUUIDFromBytes("mentor-marco\nkey-1\nf1\ncomment".getBytes(StandardCharsets.UTF_8))
                        .toString());
        assertThat(UUID.fromString(id).version()).isEqualTo(3);
        assertThat(derive("comment", IdempotentIds.scope("mentor-marco", "key-1", "f1")))
                .isEqualTo(id);
    }

    @Test
    void anotherSubjectKeyRequestOrKindGivesAnotherId() {
        String id = derive("comment", IdempotentIds.scope("mentor-marco", "key-1", "f1"));

        assertThat(derive("comment", IdempotentIds.scope("mentor-mia", "key-1", "f1")))
                .isNotEqualTo(id);
        assertThat(derive("comment", IdempotentIds.scope("mentor-marco", "key-2", "f1")))
                .isNotEqualTo(id);
        assertThat(derive("observation", IdempotentIds.scope("mentor-marco", "key-1", "f1")))
                .isNotEqualTo(id);
        // The same key for another request (its record expired and was taken over).
        assertThat(derive("comment", IdempotentIds.scope("mentor-marco", "key-1", "f2")))
                .isNotEqualTo(id);
    }

    @Test
    void usesTheRandomIdWithoutAKeyInTheContext() {
        assertThat(IdempotentIds.derive("comment", () -> "random-1").block()).isEqualTo("random-1");
        assertThat(IdempotentIds.derive("comment", () -> "random-2")
                        .contextWrite(context -> context.put("other", "x"))
                        .block())
                .isEqualTo("random-2");
    }

    private static String derive(String kind, Context scope) {
        return IdempotentIds.derive(kind, () -> "random").contextWrite(scope).block();
    }
}
