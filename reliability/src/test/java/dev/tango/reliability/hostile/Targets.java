package dev.tango.reliability.hostile;

import io.swagger.v3.oas.models.parameters.Parameter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * Where each documented operation is aimed in the scene: the caller that may use it (so that a refusal comes from
 * validation, not from authorization), the values of its path and query parameters, and a valid body that the corpus
 * spoils one thing at a time. An operation not listed here gets the demo admin, the scene's ids by parameter name and
 * a body generated from its schema, so a new endpoint is covered without anyone writing this file.
 */
final class Targets {

    private final Map<String, String> ids;
    private final Document rubricContent;

    Targets(Map<String, String> ids, Document rubricContent) {
        this.ids = ids;
        this.rubricContent = rubricContent;
    }

    String caller(ApiDocs.Endpoint endpoint) {
        String path = endpoint.path();
        if (path.startsWith("/api/scoring/sessions/")) {
            return "mentor-marco";
        }
        if (path.endsWith("/replies") || path.endsWith("/self-assessment")) {
            return "student-ana";
        }
        if (path.startsWith("/api/feedback/sessions/") && path.contains("/comments")) {
            return "mentor-marco";
        }
        return "admin-ada";
    }

    /** The path with every parameter filled in from the scene. */
    String path(ApiDocs.Endpoint endpoint) {
        String path = endpoint.path();
        for (Parameter parameter : endpoint.in("path")) {
            path = path.replace("{" + parameter.getName() + "}", pathValue(endpoint, parameter.getName()));
        }
        return path;
    }

    String pathValue(ApiDocs.Endpoint endpoint, String name) {
        String path = endpoint.path();
        return switch (name) {
            case "id" -> {
                if (path.startsWith("/api/users")) {
                    yield ids.get("userId");
                }
                if (path.startsWith("/api/tokens")) {
                    yield ids.get("tokenId");
                }
                yield path.startsWith("/api/me/tokens") ? ids.get("meTokenId") : ids.get("runningSessionId");
            }
            case "sessionId" -> ids.get("endedSessionId");
            case "commentId" -> path.endsWith("/replies") ? ids.get("publishedCommentId") : ids.get("commentId");
            case "version" -> ids.get("rubricVersion");
            case "programId" -> Platform.PROGRAM;
            case "studentId" -> "student-ana";
            default -> ids.getOrDefault(name, "x");
        };
    }

    /** Query parameters (name to value) for a valid call. */
    Map<String, String> query(ApiDocs.Endpoint endpoint) {
        Map<String, String> query = new LinkedHashMap<>();
        for (Parameter parameter : endpoint.in("query")) {
            switch (parameter.getName()) {
                case "programId" -> query.put("programId", Platform.PROGRAM);
                case "rubricId" -> query.put("rubricId", "corpus-import");
                default -> {
                    if (Boolean.TRUE.equals(parameter.getRequired())) {
                        query.put(parameter.getName(), String.valueOf(SchemaValues.example(parameter.getSchema())));
                    }
                }
            }
        }
        return query;
    }

    /** A valid body for the operation (maps and lists), or null when it takes none. */
    Object body(ApiDocs.Endpoint endpoint) {
        if (endpoint.body() == null) {
            return null;
        }
        String tomorrow = Instant.now().plus(Duration.ofDays(1)).toString();
        Object known =
                switch (endpoint.key()) {
                    case "POST /api/sessions" ->
                        map(
                                "programId", Platform.PROGRAM,
                                "studentId", "student-ben",
                                "mentorIds", list("mentor-marco"),
                                "mode", "LIVE",
                                "scheduledFor", tomorrow,
                                "clientLabel", "Client A",
                                "goal", "Say no more often");
                    case "POST /api/sessions/{id}/phase" -> map("phase", "EXPLORING");
                    case "POST /api/sessions/{id}/cancel" -> map("reason", "Client was unwell");
                    case "POST /api/sessions/{id}/transcript/segments" ->
                        map(
                                "segments",
                                list(map(
                                        "speaker",
                                        "COACH",
                                        "text",
                                        "How shall we work?",
                                        "startMs",
                                        1000L,
                                        "endMs",
                                        2000L)));
                    case "POST /api/sessions/{id}/transcript/import" ->
                        map(
                                "text",
                                "[00:00:05] Marco: How shall we work?\n[00:00:09] Client: I want to say no.",
                                "speakers",
                                map("Marco", "COACH"),
                                "skipInvalidLines",
                                false);
                    case "POST /api/scoring/sessions/{sessionId}/observations" ->
                        map(
                                "kind", "MARKER",
                                "itemId", "opening.what-matters",
                                "phase", "OPENING",
                                "timeCodeMs", 1000L,
                                "note", "asked what matters");
                    case "POST /api/scoring/sessions/{sessionId}/observations/{observationId}/retract" ->
                        map("reason", "recorded by mistake");
                    case "POST /api/scoring/rubrics" ->
                        map(
                                "programId",
                                Platform.PROGRAM,
                                "rubricId",
                                "corpus-new",
                                "basedOn",
                                map("rubricId", "partnership", "version", 1));
                    case "POST /api/scoring/rubrics/import" -> copy(rubricContent);
                    case "PUT /api/scoring/rubrics/{rubricId}/versions/{version}" ->
                        map("revision", 0L, "content", copy(rubricContent));
                    case "PUT /api/scoring/programs/{programId}/rubric" -> map("rubricId", "partnership", "version", 1);
                    case "POST /api/feedback/sessions/{sessionId}/comments" ->
                        map(
                                "body", "Try a shorter question.",
                                "kind", "SUGGESTION",
                                "timeCodeMs", 1000L,
                                "phase", "OPENING",
                                "itemId", "opening.work-together",
                                "publish", false);
                    case "PUT /api/feedback/sessions/{sessionId}/comments/{commentId}" ->
                        map(
                                "body", "Try a shorter question.",
                                "kind", "SUGGESTION",
                                "timeCodeMs", 1000L,
                                "phase", "OPENING",
                                "itemId", "opening.work-together");
                    case "POST /api/feedback/sessions/{sessionId}/comments/{commentId}/replies" ->
                        map("body", "Thank you");
                    case "PUT /api/feedback/sessions/{sessionId}/self-assessment" ->
                        map(
                                "markers",
                                map("OPENING", list("opening.work-together")),
                                "reflection",
                                "I let the client lead.");
                    case "POST /api/users" ->
                        map(
                                "id", "corpus-new",
                                "displayName", "Corpus New",
                                "email", "new@corpus.test",
                                "roles", list("STUDENT"),
                                "programs", list(Platform.PROGRAM),
                                "password", "corpus-secret-1");
                    case "PATCH /api/users/{id}" ->
                        map(
                                "displayName",
                                "Corpus Target",
                                "email",
                                "target@corpus.test",
                                "roles",
                                list("STUDENT"),
                                "programs",
                                list(Platform.PROGRAM),
                                "password",
                                "target-secret-2",
                                "active",
                                true);
                    case "POST /api/tokens" ->
                        map(
                                "name",
                                "corpus",
                                "role",
                                "STUDENT",
                                "programs",
                                list(Platform.PROGRAM),
                                "expiresAt",
                                tomorrow);
                    case "POST /api/me/tokens" -> map("name", "corpus", "expiresAt", tomorrow);
                    default -> null;
                };
        return known != null ? known : SchemaValues.example(endpoint.body());
    }

    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    static List<Object> list(Object... items) {
        return new ArrayList<>(List.of(items));
    }

    /** A deep copy of maps and lists, for mutation. */
    @SuppressWarnings("unchecked")
    static Object copy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            ((Map<String, Object>) map).forEach((key, item) -> copy.put(key, copy(item)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(item -> copy.add(copy(item)));
            return copy;
        }
        return value;
    }
}
