package dev.tango.events;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapping of event payloads. Consumers ignore unknown fields, so producers may add fields without breaking
 * anyone.
 */
public final class EventJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private EventJson() {}

    public static JsonMapper mapper() {
        return MAPPER;
    }

    public static byte[] write(TangoEvent payload) {
        return MAPPER.writeValueAsBytes(payload);
    }

    public static <T extends TangoEvent> T read(byte[] json, Class<T> payload) {
        return MAPPER.readValue(json, payload);
    }

    /** Reads a payload by its wire type id. */
    public static TangoEvent read(String type, byte[] json) {
        Class<? extends TangoEvent> payload =
                EventTypes.payloadOf(type).orElseThrow(() -> new UnknownEventTypeException(type));
        return read(json, payload);
    }
}
