package dev.tango.support.web;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Text in a request body must be well-formed Unicode: a JSON escape of half a surrogate pair ({@code "\ud800"}) is
 * refused (400, "has an invalid value") instead of being stored as a {@code ?} or an unencodable string. Found by the
 * hostile input suite.
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
            String value = super.deserialize(parser, context);
            if (value != null && hasUnpairedSurrogate(value)) {
                throw context.weirdStringException(value, String.class, "contains an unpaired surrogate");
            }
            return value;
        }
    }
}
