package dev.tango.events;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Text in a request body is a JSON string of well-formed Unicode: a number or a boolean where text is expected is
 * refused instead of coerced ({@code 12} is not {@code "12"}), and so is a JSON escape of half a surrogate pair
 * ({@code "\ud800"}), which would be stored as a {@code ?} or an unencodable string. The services (service-support)
 * and the gateway register {@link #module()} with their JSON mapper. Found by the hostile input suite.
 */
public final class WellFormedText {

    private WellFormedText() {}

    public static SimpleModule module() {
        return new SimpleModule("tango-well-formed-text").addDeserializer(String.class, new Deserializer());
    }

    /** Whether the text has a high surrogate not followed by a low one, or a low one not preceded by a high one. */
    public static boolean hasUnpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    static final class Deserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.VALUE_NUMBER_INT
                    || token == JsonToken.VALUE_NUMBER_FLOAT
                    || token == JsonToken.VALUE_TRUE
                    || token == JsonToken.VALUE_FALSE) {
                throw context.wrongTokenException(parser, String.class, JsonToken.VALUE_STRING, "text is expected");
            }
            String value = super.deserialize(parser, context);
            if (value != null && hasUnpairedSurrogate(value)) {
                throw context.weirdStringException(value, String.class, "contains an unpaired surrogate");
            }
            return value;
        }
    }
}
