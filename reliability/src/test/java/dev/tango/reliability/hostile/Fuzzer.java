package dev.tango.reliability.hostile;

import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A fuzzer on the OpenAPI model: for a time budget, random requests to one origin's documented operations, half of
 * them schema-valid (random values of the declared types, enums, lengths and bounds, ids from the scene or made up),
 * half schema-violating (random cases of the full corpus). A failure is a 5xx, an error that is not a problem, or a
 * change of stored data across a batch of requests that were all refused.
 */
final class Fuzzer {

    private static final int BATCH = 20;
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789-._ $<>\"'{}\u00e9\u202e\u200b";

    private final Platform platform;
    private final Targets targets;
    private final Corpus corpus;
    private final Random random;

    Fuzzer(Platform platform, Targets targets, long seed) {
        this.platform = platform;
        this.targets = targets;
        this.corpus = new Corpus(targets, false);
        this.random = new Random(seed);
    }

    Tally run(String origin, List<ApiDocs.Endpoint> endpoints, Duration budget) {
        Tally tally = new Tally("fuzzing " + origin + " for " + budget.toSeconds() + " s");
        List<ApiDocs.Endpoint> mine = endpoints.stream()
                .filter(endpoint -> endpoint.origin().equals(origin))
                .filter(endpoint -> !AuthzMatrix.OWN_ONLY.contains(endpoint.key()) || endpoint.isWrite())
                .toList();
        Map<ApiDocs.Endpoint, List<Corpus.Case>> cases = new LinkedHashMap<>();
        long deadline = System.nanoTime() + budget.toNanos();
        StoreSnapshot before = platform.settledSnapshot();
        while (System.nanoTime() < deadline) {
            boolean anyAccepted = false;
            List<String> batch = new ArrayList<>();
            for (int i = 0; i < BATCH && System.nanoTime() < deadline; i++) {
                ApiDocs.Endpoint endpoint = mine.get(random.nextInt(mine.size()));
                boolean valid = random.nextBoolean();
                Edge.Reply reply;
                String what;
                if (valid) {
                    String path = randomPath(endpoint);
                    Object body = endpoint.body() == null ? null : value(endpoint.body(), 0);
                    what = endpoint.method() + " " + path + " "
                            + (body == null ? "" : Corpus.abbreviate(Json.write(body)));
                    reply = send(
                            endpoint.method(),
                            path,
                            targets.caller(endpoint),
                            body == null ? null : Json.write(body).getBytes(StandardCharsets.UTF_8),
                            Map.of());
                } else {
                    List<Corpus.Case> pool = cases.computeIfAbsent(endpoint, corpus::casesFor);
                    if (pool.isEmpty()) {
                        continue;
                    }
                    Corpus.Case c = pool.get(random.nextInt(pool.size()));
                    what = c.endpointKey() + " [" + c.category() + "] " + c.what();
                    reply = send(c.method(), c.pathAndQuery(), c.caller(), c.body(), c.headers());
                }
                tally.count(endpoint.key(), valid ? "schema-valid" : "schema-violating", reply.status());
                anyAccepted |= reply.status() < 400;
                batch.add(what + " -> " + reply.status());
                if (reply.status() >= 500 || reply.status() >= 400 && !reply.isProblem()) {
                    tally.fail(what + " -> " + reply);
                }
            }
            if (anyAccepted) {
                before = platform.settledSnapshot();
            } else {
                StoreSnapshot after = platform.snapshot();
                if (!after.equals(before)) {
                    List<String> changes = before.differencesTo(after);
                    tally.fail("stored data changed in a batch of refused requests: "
                            + changes.subList(0, Math.min(3, changes.size())) + " batch " + batch);
                }
                before = after;
            }
        }
        return tally;
    }

    private Edge.Reply send(String method, String path, String caller, byte[] body, Map<String, String> headers) {
        return platform.edge.sendOrNoAnswer(platform.gateway(), method, path, platform.caller(caller), headers, body);
    }

    private String randomPath(ApiDocs.Endpoint endpoint) {
        String path = endpoint.path();
        for (Parameter parameter : endpoint.in("path")) {
            String value = random.nextInt(4) == 0
                    ? randomString(1 + random.nextInt(20))
                    : targets.pathValue(endpoint, parameter.getName());
            path = path.replace(
                    "{" + parameter.getName() + "}",
                    URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        StringBuilder query = new StringBuilder();
        for (Parameter parameter : endpoint.in("query")) {
            if (Boolean.TRUE.equals(parameter.getRequired()) || random.nextBoolean()) {
                query.append(query.length() == 0 ? "?" : "&")
                        .append(parameter.getName())
                        .append('=')
                        .append(URLEncoder.encode(
                                String.valueOf(value(parameter.getSchema(), 3)), StandardCharsets.UTF_8));
            }
        }
        return path + query;
    }

    /** A random value that the schema allows. */
    private Object value(Schema<?> schema, int depth) {
        if (schema == null) {
            return randomString(5);
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            return String.valueOf(
                    schema.getEnum().get(random.nextInt(schema.getEnum().size())));
        }
        switch (ApiDocs.type(schema)) {
            case "string" -> {
                if ("date-time".equals(schema.getFormat())) {
                    return java.time.Instant.now()
                            .plus(Duration.ofMinutes(random.nextInt(100_000) - 50_000))
                            .toString();
                }
                if (schema.getExample() != null && random.nextBoolean()) {
                    return String.valueOf(schema.getExample());
                }
                int max = schema.getMaxLength() == null ? 200 : Math.min(schema.getMaxLength(), 200);
                int min = schema.getMinLength() == null ? 0 : schema.getMinLength();
                return randomString(min + random.nextInt(Math.max(1, max - min + 1)));
            }
            case "integer" -> {
                long min = schema.getMinimum() == null ? 0 : schema.getMinimum().longValue();
                long max = schema.getMaximum() == null
                        ? 10_000_000
                        : schema.getMaximum().longValue();
                return min + (long) (random.nextDouble() * (max - min));
            }
            case "number" -> {
                return random.nextDouble() * 100;
            }
            case "boolean" -> {
                return random.nextBoolean();
            }
            case "array" -> {
                List<Object> list = new ArrayList<>();
                int size = depth > 3 ? 0 : 1 + random.nextInt(3);
                for (int i = 0; i < size; i++) {
                    list.add(value(schema.getItems(), depth + 1));
                }
                return list;
            }
            default -> {
                Map<String, Object> object = new LinkedHashMap<>();
                if (schema.getProperties() != null && depth <= 3) {
                    List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
                    schema.getProperties().forEach((name, property) -> {
                        if (required.contains(name) || random.nextInt(3) > 0) {
                            object.put(name, value(property, depth + 1));
                        }
                    });
                }
                if (schema.getAdditionalProperties() instanceof Schema<?> values && depth <= 3) {
                    object.put(randomString(6), value(values, depth + 1));
                }
                return object;
            }
        }
    }

    private String randomString(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }
}
