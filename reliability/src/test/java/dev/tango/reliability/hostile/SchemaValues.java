package dev.tango.reliability.hostile;

import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Plausible values for a schema: its example or first enum value, else something of the right type. */
final class SchemaValues {

    private SchemaValues() {}

    static Object example(Schema<?> schema) {
        return example(schema, 0);
    }

    private static Object example(Schema<?> schema, int depth) {
        if (schema == null) {
            return "x";
        }
        if (schema.getExample() != null
                && !(schema.getExample() instanceof Map)
                && !(schema.getExample() instanceof List)) {
            Object example = schema.getExample();
            return example instanceof Integer number ? number.longValue() : example;
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            return String.valueOf(schema.getEnum().get(0));
        }
        return switch (ApiDocs.type(schema)) {
            case "string" -> "date-time".equals(schema.getFormat()) ? "2026-12-01T10:00:00Z" : "x";
            case "integer" -> schema.getMinimum() != null ? schema.getMinimum().longValue() : 1L;
            case "number" -> 1.0;
            case "boolean" -> false;
            case "array" -> {
                List<Object> list = new ArrayList<>();
                if (depth < 4) {
                    list.add(example(schema.getItems(), depth + 1));
                }
                yield list;
            }
            default -> {
                Map<String, Object> object = new LinkedHashMap<>();
                if (schema.getProperties() != null && depth < 4) {
                    schema.getProperties().forEach((name, property) -> object.put(name, example(property, depth + 1)));
                }
                yield object;
            }
        };
    }
}
