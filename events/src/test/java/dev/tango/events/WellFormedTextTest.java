package dev.tango.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

class WellFormedTextTest {

    private final JsonMapper json =
            JsonMapper.builder().addModule(WellFormedText.module()).build();

    @Test
    void refusesHalfASurrogatePairInAnyTextOfTheBody() {
        assertThatThrownBy(() -> json.readValue("{\"a\":\"x\\ud800\"}", new TypeReference<Map<String, String>>() {}))
                .isInstanceOf(DatabindException.class)
                .hasMessageContaining("unpaired surrogate");
        assertThatThrownBy(() -> json.readValue("[\"\\udc00x\"]", new TypeReference<List<String>>() {}))
                .isInstanceOf(DatabindException.class);
    }

    @Test
    void refusesNumbersAndBooleansWhereTextIsExpected() {
        assertThatThrownBy(() -> json.readValue("{\"a\":12}", new TypeReference<Map<String, String>>() {}))
                .isInstanceOf(DatabindException.class);
        assertThatThrownBy(() -> json.readValue("[true]", new TypeReference<List<String>>() {}))
                .isInstanceOf(DatabindException.class);
        assertThat(json.readValue("{\"a\":null}", new TypeReference<Map<String, String>>() {}))
                .containsEntry("a", null);
    }

    @Test
    void keepsWellFormedTextWithEmojiAndControlCharacters() {
        assertThat(json.readValue("\"\\ud83d\\ude00 \\u202e\\u200b\"", String.class))
                .isEqualTo("\ud83d\ude00 \u202e\u200b");
    }
}
