package dev.tango.reliability.hostile;

import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Bad requests against every documented write operation, one thing spoiled at a time in an otherwise valid request
 * (see {@link Targets}). Each case says what it expects: {@link Expect#REJECT} (a 4xx problem and nothing stored), or
 * {@link Expect#HARMLESS} for hostile-looking text in free-text fields (a comment, a goal, a note), where markup and
 * unusual characters are content that the API may store as given and the pages escape: there the answer must be a
 * success or a problem, never a 5xx.
 */
final class Corpus {

    enum Category {
        MALFORMED_JSON,
        WRONG_TYPES,
        MISSING_FIELDS,
        HUGE_BODY,
        OVERLONG_STRINGS,
        DEEP_NESTING,
        INVALID_ENUM,
        NUMBERS,
        UNICODE,
        SCRIPT_INJECTION,
        OPERATOR_INJECTION,
        BAD_HEADER
    }

    /** The categories every operation with a JSON body must have cases in (enum and number ones only when it has such fields). */
    static final Set<Category> BODY_CATEGORIES = EnumSet.of(
            Category.MALFORMED_JSON,
            Category.WRONG_TYPES,
            Category.HUGE_BODY,
            Category.DEEP_NESTING,
            Category.OPERATOR_INJECTION);

    enum Expect {
        REJECT,
        HARMLESS
    }

    record Case(
            ApiDocs.Endpoint endpoint,
            Category category,
            String what,
            String caller,
            String method,
            String pathAndQuery,
            Map<String, String> headers,
            byte[] body,
            Expect expect) {

        String endpointKey() {
            return endpoint.key();
        }
    }

    /** A leaf (or map-valued) field of a body, by its path of keys and list indexes. */
    record Field(List<Object> path, Schema<?> schema, boolean required) {
        String name() {
            return path.stream().map(String::valueOf).collect(Collectors.joining("."));
        }
    }

    private static final String LONE_HIGH = "\ud800";
    private static final String LONE_LOW = "\udc00";
    private static final List<String> UNICODE =
            List.of(LONE_HIGH, LONE_LOW, "\u0000", "\u202e", "\u200b", "\ufeff", "\uffff", "e\u0301", "\ud83d\ude00");
    private static final List<String> SCRIPTS = List.of(
            "<script>alert(1)</script>",
            "\"><img src=x onerror=alert(1)>",
            "javascript:alert(1)",
            "{{7*7}}${7*7}",
            "'; DROP TABLE users; --");
    private static final List<String> OPERATOR_OBJECTS =
            List.of("{\"$gt\":\"\"}", "{\"$where\":\"sleep(1000)\"}", "{\"$ne\":null}", "{\"$regex\":\".*\"}");
    private static final List<String> OPERATOR_STRINGS = List.of("$where", "$x", "$gt");
    private static final List<String> PATH_IDS = List.of(
            "{\"$gt\":\"\"}",
            "$x",
            "a.b",
            "$where",
            "..",
            "%00",
            "x".repeat(3000),
            "a\u202eb",
            "\ud83d\ude00",
            "<script>");

    private final Targets targets;
    /** The smoke subset: fewer values per field and smaller bodies. */
    private final boolean smoke;

    Corpus(Targets targets, boolean smoke) {
        this.targets = targets;
        this.smoke = smoke;
    }

    List<Case> casesFor(ApiDocs.Endpoint endpoint) {
        List<Case> cases = new ArrayList<>();
        String caller = targets.caller(endpoint);
        String path = targets.path(endpoint);
        String query = queryString(targets.query(endpoint));
        for (Parameter parameter : endpoint.in("path")) {
            for (String hostile : pick(PATH_IDS)) {
                String spoiled = endpoint.path();
                for (Parameter other : endpoint.in("path")) {
                    String value =
                            other == parameter ? encodePath(hostile) : targets.pathValue(endpoint, other.getName());
                    spoiled = spoiled.replace("{" + other.getName() + "}", value);
                }
                Object body = targets.body(endpoint);
                cases.add(new Case(
                        endpoint,
                        category(hostile),
                        "path " + parameter.getName() + "=" + abbreviate(hostile),
                        caller,
                        endpoint.method(),
                        spoiled + query,
                        Map.of(),
                        body == null ? null : bytes(Json.write(body)),
                        Expect.REJECT));
            }
        }
        for (Parameter parameter : endpoint.in("query")) {
            for (String hostile : List.of("[$ne]=x", "=" + encode("{\"$gt\":\"\"}"), "=" + encode("$where"))) {
                Map<String, String> values = new LinkedHashMap<>(targets.query(endpoint));
                values.remove(parameter.getName());
                String spoiled = queryString(values);
                spoiled = (spoiled.isEmpty() ? "?" : spoiled + "&") + parameter.getName() + hostile;
                Object body = targets.body(endpoint);
                cases.add(new Case(
                        endpoint,
                        Category.OPERATOR_INJECTION,
                        "query " + parameter.getName() + hostile,
                        caller,
                        endpoint.method(),
                        path + spoiled,
                        Map.of(),
                        body == null ? null : bytes(Json.write(body)),
                        // "name[$ne]=x" is another parameter's name: for an optional one the request stays valid.
                        Boolean.TRUE.equals(parameter.getRequired()) || !hostile.startsWith("[")
                                ? Expect.REJECT
                                : Expect.HARMLESS));
            }
        }
        for (Parameter header : endpoint.in("header")) {
            for (String hostile : List.of("k".repeat(256), "a b", "a\tb", "")) {
                Object body = targets.body(endpoint);
                cases.add(new Case(
                        endpoint,
                        Category.BAD_HEADER,
                        header.getName() + ": " + abbreviate(hostile),
                        caller,
                        endpoint.method(),
                        path + query,
                        Map.of(header.getName(), hostile),
                        body == null ? null : bytes(Json.write(body)),
                        Expect.REJECT));
            }
        }
        Object baseline = targets.body(endpoint);
        if (baseline == null) {
            return cases;
        }
        String target = path + query;
        String valid = Json.write(baseline);
        for (String malformed : List.of(
                "{",
                "{\"a\":",
                "not json",
                "[1,2",
                "{\"x\":1,}",
                "",
                "null",
                "[]",
                "\"text\"",
                valid + "}}",
                valid.replaceFirst(":", "="))) {
            cases.add(raw(
                    endpoint,
                    Category.MALFORMED_JSON,
                    "body " + abbreviate(malformed),
                    caller,
                    target,
                    malformed,
                    Expect.REJECT));
        }
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded")) {
            cases.add(new Case(
                    endpoint,
                    Category.MALFORMED_JSON,
                    "Content-Type " + type,
                    caller,
                    endpoint.method(),
                    target,
                    Map.of("Content-Type", type),
                    bytes(valid),
                    Expect.REJECT));
        }
        cases.add(raw(
                endpoint,
                Category.HUGE_BODY,
                "1 MB of JSON array",
                caller,
                target,
                "[" + "1,".repeat(512 * 1024) + "1]",
                Expect.REJECT));
        if (!smoke) {
            cases.add(raw(
                    endpoint,
                    Category.HUGE_BODY,
                    "4 MB body of spaces",
                    caller,
                    target,
                    " ".repeat(4 * 1024 * 1024) + valid,
                    Expect.REJECT));
        }
        cases.add(raw(
                endpoint,
                Category.DEEP_NESTING,
                "arrays nested 10000 deep",
                caller,
                target,
                "{\"x\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}",
                Expect.REJECT));
        cases.add(raw(
                endpoint,
                Category.DEEP_NESTING,
                "objects nested 5000 deep",
                caller,
                target,
                "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000),
                Expect.REJECT));

        List<Field> fields = fields(endpoint.body(), baseline);
        boolean hugeStringDone = false;
        for (Field field : fields) {
            String type = ApiDocs.type(field.schema());
            boolean freeText = "string".equals(type) && !ApiDocs.isConstrainedString(field.schema());
            Expect textExpect = freeText ? Expect.HARMLESS : Expect.REJECT;
            for (Object wrong : wrongTypes(type)) {
                cases.add(mutated(
                        endpoint,
                        Category.WRONG_TYPES,
                        field,
                        "= " + Json.write(wrong),
                        caller,
                        target,
                        baseline,
                        wrong,
                        Expect.REJECT));
            }
            if (field.required()) {
                cases.add(removed(endpoint, field, caller, target, baseline));
                cases.add(mutated(
                        endpoint,
                        Category.MISSING_FIELDS,
                        field,
                        "= null",
                        caller,
                        target,
                        baseline,
                        new Json.Raw("null"),
                        Expect.REJECT));
            }
            if ("string".equals(type)) {
                if (field.schema().getEnum() != null) {
                    String first = String.valueOf(field.schema().getEnum().get(0));
                    for (String invalid :
                            pick(List.of("NOT_A_VALUE", first.toLowerCase(Locale.ROOT), "", " " + first))) {
                        cases.add(mutated(
                                endpoint,
                                Category.INVALID_ENUM,
                                field,
                                "= \"" + invalid + "\"",
                                caller,
                                target,
                                baseline,
                                invalid,
                                // Jackson trims the whitespace around an enum name: " LIVE" is LIVE, stored as such.
                                invalid.isBlank() || !invalid.trim().equals(first) ? Expect.REJECT : Expect.HARMLESS));
                    }
                }
                Integer max = field.schema().getMaxLength();
                int length = max != null ? max + 1 : 100_001;
                cases.add(mutated(
                        endpoint,
                        Category.OVERLONG_STRINGS,
                        field,
                        length + " characters",
                        caller,
                        target,
                        baseline,
                        "a".repeat(length),
                        Expect.REJECT));
                if (!hugeStringDone) {
                    cases.add(mutated(
                            endpoint,
                            Category.HUGE_BODY,
                            field,
                            "a 1.5 MB string",
                            caller,
                            target,
                            baseline,
                            "a".repeat(1536 * 1024),
                            Expect.REJECT));
                    hugeStringDone = true;
                }
                String base = String.valueOf(valueAt(baseline, field.path()));
                for (String character : pick(UNICODE)) {
                    boolean lone = character.equals(LONE_HIGH) || character.equals(LONE_LOW);
                    cases.add(mutated(
                            endpoint,
                            Category.UNICODE,
                            field,
                            "+ U+" + codePoints(character),
                            caller,
                            target,
                            baseline,
                            base + character,
                            lone
                                    ? Expect.REJECT
                                    : trimmed(field, character) || internationalEmail(field, character)
                                            ? Expect.HARMLESS
                                            : textExpect));
                }
                for (String script : pick(SCRIPTS)) {
                    cases.add(mutated(
                            endpoint,
                            Category.SCRIPT_INJECTION,
                            field,
                            "= " + abbreviate(script),
                            caller,
                            target,
                            baseline,
                            script,
                            textExpect));
                }
                for (String operator : pick(OPERATOR_STRINGS)) {
                    cases.add(mutated(
                            endpoint,
                            Category.OPERATOR_INJECTION,
                            field,
                            "= \"" + operator + "\"",
                            caller,
                            target,
                            baseline,
                            operator,
                            textExpect));
                }
            }
            if ("string".equals(type) || "object".equals(type) && field.schema().getAdditionalProperties() == null) {
                for (String operator : pick(OPERATOR_OBJECTS)) {
                    cases.add(mutated(
                            endpoint,
                            Category.OPERATOR_INJECTION,
                            field,
                            "= " + operator,
                            caller,
                            target,
                            baseline,
                            new Json.Raw(operator),
                            Expect.REJECT));
                }
            }
            if ("object".equals(type) && field.schema().getAdditionalProperties() != null) {
                Object entryValue = firstValue(valueAt(baseline, field.path()));
                for (String key : pick(List.of("$where", "a.b", "$gt", ""))) {
                    Map<String, Object> map = new LinkedHashMap<>();
                    map.put(key, entryValue);
                    cases.add(mutated(
                            endpoint,
                            Category.OPERATOR_INJECTION,
                            field,
                            "key \"" + key + "\"",
                            caller,
                            target,
                            baseline,
                            map,
                            Expect.HARMLESS));
                }
            }
            if ("integer".equals(type) || "number".equals(type)) {
                for (String number : pick(List.of(
                        "-1", "-9223372036854775809", "9223372036854775808", "1e400", "1.5", "2147483648", "-0.0"))) {
                    cases.add(mutated(
                            endpoint,
                            Category.NUMBERS,
                            field,
                            "= " + number,
                            caller,
                            target,
                            baseline,
                            new Json.Raw(number),
                            Expect.REJECT));
                }
            }
        }
        return cases;
    }

    /**
     * A control character (NUL) after an enum name or an instant: Jackson's parsers trim it like whitespace, so the
     * canonical value is stored. Noticed and left alone (RELIABILITY.md).
     */
    private static boolean trimmed(Field field, String character) {
        return character.charAt(0) <= ' '
                && (field.schema().getEnum() != null
                        || "date-time".equals(field.schema().getFormat()));
    }

    /** A visible non-ASCII character (a combining accent, an emoji) in an email: allowed in international addresses. */
    private static boolean internationalEmail(Field field, String character) {
        return "email".equals(field.schema().getFormat())
                && character
                        .codePoints()
                        .allMatch(c -> c > 0x7f
                                && !Character.isWhitespace(c)
                                && Character.getType(c) != Character.FORMAT
                                && Character.getType(c) != Character.CONTROL
                                && Character.getType(c) != Character.UNASSIGNED);
    }

    /** At most {@code perCategory} cases of each category of one operation, spread over its cases. */
    static List<Case> sample(List<Case> cases, int perCategory) {
        Map<Category, List<Case>> byCategory = new LinkedHashMap<>();
        cases.forEach(c -> byCategory
                .computeIfAbsent(c.category(), key -> new ArrayList<>())
                .add(c));
        List<Case> sample = new ArrayList<>();
        byCategory.values().forEach(all -> {
            for (int i = 0; i < Math.min(perCategory, all.size()); i++) {
                sample.add(all.get(i * (all.size() - 1) / Math.max(1, perCategory - 1)));
            }
        });
        return sample;
    }

    /** Whether the number case is a legitimate one for the field (e.g. 2147483648 for a 64-bit offset). */
    static boolean numberMayBeValid(Case c) {
        return c.category() == Category.NUMBERS
                && (c.what().endsWith("= 2147483648") || c.what().endsWith("= -0.0"));
    }

    private List<String> pick(List<String> values) {
        if (!smoke || values.size() <= 3) {
            return values;
        }
        return List.of(values.get(0), values.get(values.size() / 2), values.get(values.size() - 1));
    }

    private static Category category(String hostile) {
        if (hostile.startsWith("{") || hostile.startsWith("$") || hostile.contains(".")) {
            return Category.OPERATOR_INJECTION;
        }
        if (hostile.length() > 100) {
            return Category.OVERLONG_STRINGS;
        }
        if (hostile.startsWith("<")) {
            return Category.SCRIPT_INJECTION;
        }
        return Category.UNICODE;
    }

    /** The fields of a body: its properties, those of nested objects and of a list's first object, two levels deep. */
    static List<Field> fields(Schema<?> schema, Object baseline) {
        List<Field> fields = new ArrayList<>();
        collect(schema, baseline, new ArrayList<>(), fields, 0);
        return fields;
    }

    private static void collect(Schema<?> schema, Object value, List<Object> path, List<Field> out, int depth) {
        if (schema == null || schema.getProperties() == null) {
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        for (Map.Entry<String, Schema> property : schema.getProperties().entrySet()) {
            List<Object> here = new ArrayList<>(path);
            here.add(property.getKey());
            Schema<?> propertySchema = property.getValue();
            String type = ApiDocs.type(propertySchema);
            Object current = value instanceof Map<?, ?> map ? map.get(property.getKey()) : null;
            boolean nested = depth < 2 && "object".equals(type) && propertySchema.getProperties() != null;
            boolean listOfObjects = depth < 2
                    && "array".equals(type)
                    && propertySchema.getItems() != null
                    && propertySchema.getItems().getProperties() != null
                    && current instanceof List<?> list
                    && !list.isEmpty();
            out.add(new Field(here, propertySchema, required.contains(property.getKey())));
            if (nested && current != null) {
                collect(propertySchema, current, here, out, depth + 1);
            }
            if (listOfObjects) {
                List<Object> first = new ArrayList<>(here);
                first.add(0);
                collect(propertySchema.getItems(), ((List<?>) current).get(0), first, out, depth + 1);
            }
        }
    }

    private static List<Object> wrongTypes(String type) {
        return switch (type) {
            case "string" -> List.of(12, true, new Json.Raw("[]"), new Json.Raw("{\"a\":1}"));
            case "integer", "number" -> List.of("12", "abc", true, new Json.Raw("[]"), new Json.Raw("{}"));
            case "boolean" -> List.of("yes", 1, new Json.Raw("[]"), new Json.Raw("{}"));
            case "array" -> List.of("x", 1, new Json.Raw("{\"a\":1}"));
            default -> List.of("x", 1, new Json.Raw("[1]"));
        };
    }

    private Case mutated(
            ApiDocs.Endpoint endpoint,
            Category category,
            Field field,
            String what,
            String caller,
            String target,
            Object baseline,
            Object value,
            Expect expect) {
        Object copy = Targets.copy(baseline);
        setAt(copy, field.path(), value, false);
        return new Case(
                endpoint,
                category,
                field.name() + " " + what,
                caller,
                endpoint.method(),
                target,
                Map.of(),
                bytes(Json.write(copy)),
                expect);
    }

    private Case removed(ApiDocs.Endpoint endpoint, Field field, String caller, String target, Object baseline) {
        Object copy = Targets.copy(baseline);
        setAt(copy, field.path(), null, true);
        return new Case(
                endpoint,
                Category.MISSING_FIELDS,
                field.name() + " left out",
                caller,
                endpoint.method(),
                target,
                Map.of(),
                bytes(Json.write(copy)),
                Expect.REJECT);
    }

    private static Case raw(
            ApiDocs.Endpoint endpoint,
            Category category,
            String what,
            String caller,
            String target,
            String body,
            Expect expect) {
        return new Case(endpoint, category, what, caller, endpoint.method(), target, Map.of(), bytes(body), expect);
    }

    @SuppressWarnings("unchecked")
    private static void setAt(Object root, List<Object> path, Object value, boolean remove) {
        Object parent = root;
        for (int i = 0; i < path.size() - 1; i++) {
            Object key = path.get(i);
            parent = key instanceof Integer index
                    ? ((List<Object>) parent).get(index)
                    : ((Map<String, Object>) parent).get(key);
        }
        Object last = path.get(path.size() - 1);
        if (parent instanceof Map<?, ?> map) {
            if (remove) {
                ((Map<String, Object>) map).remove(last);
            } else {
                ((Map<String, Object>) map).put((String) last, value);
            }
        } else if (parent instanceof List<?> list && last instanceof Integer index) {
            ((List<Object>) list).set(index, value);
        }
    }

    @SuppressWarnings("unchecked")
    private static Object valueAt(Object root, List<Object> path) {
        Object current = root;
        for (Object key : path) {
            if (current == null) {
                return null;
            }
            current = key instanceof Integer index
                    ? ((List<Object>) current).get(index)
                    : ((Map<String, Object>) current).get(key);
        }
        return current;
    }

    private static Object firstValue(Object map) {
        return map instanceof Map<?, ?> m && !m.isEmpty()
                ? m.values().iterator().next()
                : "x";
    }

    private static String queryString(Map<String, String> query) {
        if (query.isEmpty()) {
            return "";
        }
        return query.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&", "?", ""));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String encodePath(String value) {
        return value.startsWith("%") || value.equals("..")
                ? value
                : encode(value).replace("+", "%20");
    }

    private static String codePoints(String text) {
        return text.chars().mapToObj(c -> String.format("%04X", c)).collect(Collectors.joining("+"));
    }

    static String abbreviate(String text) {
        String visible = text.chars()
                .mapToObj(c -> c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : String.valueOf((char) c))
                .collect(Collectors.joining());
        return visible.length() > 40 ? visible.substring(0, 40) + "…(" + text.length() + ")" : visible;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
