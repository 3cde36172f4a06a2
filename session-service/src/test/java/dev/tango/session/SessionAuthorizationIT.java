package dev.tango.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import dev.tango.testsupport.ServiceIntegrationTest;
import dev.tango.testsupport.TestTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every endpoint of the session API, called by every kind of caller, on a session of their own or of someone else.
 * Each case gets a fresh session with its own program, student and mentor, so no case sees another's. A refused write
 * leaves the session exactly as it was (same view, same version: no change and so no event); a refused creation
 * stores nothing. A session the caller may not see answers exactly as one that does not exist.
 */
@ServiceIntegrationTest
@AutoConfigureWebTestClient
class SessionAuthorizationIT {

    private static final String OTHER_PROGRAM = "another-program";

    @Autowired
    WebTestClient web;

    @Autowired
    ReactiveMongoOperations mongo;

    /** The people around one session. */
    record Parties(String program, String student, String mentor) {

        static Parties fresh() {
            String suffix = UUID.randomUUID().toString().substring(0, 8);
            return new Parties("program-" + suffix, "student-" + suffix, "mentor-" + suffix);
        }

        String createBody() {
            return """
                    {"programId":"%s","studentId":"%s","mentorIds":["%s"]}""".formatted(program, student, mentor);
        }
    }

    enum Who {
        STUDENT_OWN("the session's student"),
        STUDENT_OTHER("another student"),
        MENTOR_ASSIGNED("its assigned mentor"),
        MENTOR_OTHER("a mentor not assigned"),
        ADMIN_OWN("an admin of its program"),
        ADMIN_OTHER("an admin of another program"),
        NO_TOKEN("no token");

        private final String description;

        Who(String description) {
            this.description = description;
        }

        /** Students and mentors belong to the program too: that alone must grant nothing. */
        String token(Parties parties) {
            TestTokens tokens = TestTokens.get();
            return switch (this) {
                case STUDENT_OWN -> tokens.student(parties.student(), parties.program());
                case STUDENT_OTHER -> tokens.student("student-other", parties.program());
                case MENTOR_ASSIGNED -> tokens.mentor(parties.mentor(), parties.program());
                case MENTOR_OTHER -> tokens.mentor("mentor-other", parties.program());
                case ADMIN_OWN -> tokens.admin("admin-" + parties.program(), parties.program());
                case ADMIN_OTHER -> tokens.admin("admin-other", OTHER_PROGRAM);
                case NO_TOKEN -> null;
            };
        }

        @Override
        public String toString() {
            return description;
        }
    }

    enum Endpoint {
        CREATE(true),
        GET(false),
        START(true),
        PHASE(true),
        END(true),
        CANCEL(true);

        private final boolean write;

        Endpoint(boolean write) {
            this.write = write;
        }

        /** Phase moves and ending need a running session; the rest start from a scheduled one. */
        boolean needsStartedSession() {
            return this == PHASE || this == END;
        }

        WebTestClient.ResponseSpec call(SessionsClient client, String id, Parties parties) {
            return switch (this) {
                case CREATE -> client.post("/api/sessions", parties.createBody());
                case GET -> client.get(id);
                case START -> client.start(id);
                case PHASE -> client.phase(id, "EXPLORING");
                case END -> client.end(id);
                case CANCEL -> client.cancel(id, "Client was unwell");
            };
        }

        @Override
        public String toString() {
            return switch (this) {
                case CREATE -> "POST /api/sessions";
                case GET -> "GET /api/sessions/{id}";
                case START -> "POST /api/sessions/{id}/start";
                case PHASE -> "POST /api/sessions/{id}/phase";
                case END -> "POST /api/sessions/{id}/end";
                case CANCEL -> "POST /api/sessions/{id}/cancel";
            };
        }
    }

    // Columns: the order of Who. Creating is refused with 403 (there is nothing to hide yet); a session the caller may
    // not see is 404; the student of a session sees it, so is told 403 when they try to cancel it.
    private static final Map<Endpoint, List<Integer>> EXPECTED = Map.of(
            Endpoint.CREATE, List.of(403, 403, 403, 403, 201, 403, 401),
            Endpoint.GET, List.of(200, 404, 200, 404, 200, 404, 401),
            Endpoint.START, List.of(200, 404, 200, 404, 200, 404, 401),
            Endpoint.PHASE, List.of(200, 404, 200, 404, 200, 404, 401),
            Endpoint.END, List.of(200, 404, 200, 404, 200, 404, 401),
            Endpoint.CANCEL, List.of(403, 404, 200, 404, 200, 404, 401));

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (Endpoint endpoint : Endpoint.values()) {
            for (Who who : Who.values()) {
                cases.add(Arguments.of(endpoint, who, EXPECTED.get(endpoint).get(who.ordinal())));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1} answers {2}")
    @MethodSource("matrix")
    void answersEachCallerAsTheAccessRulesSay(Endpoint endpoint, Who who, int expected) {
        Parties parties = Parties.fresh();
        SessionsClient admin = new SessionsClient(web, Who.ADMIN_OWN.token(parties));
        String id = null;
        Map<String, Object> before = null;
        if (endpoint != Endpoint.CREATE) {
            id = (String) body(admin.post("/api/sessions", parties.createBody())
                            .expectStatus()
                            .isCreated())
                    .get("id");
            if (endpoint.needsStartedSession()) {
                admin.start(id).expectStatus().isOk();
            }
            before = view(admin, id);
        }

        WebTestClient.ResponseSpec response = endpoint.call(new SessionsClient(web, who.token(parties)), id, parties);

        if (expected >= 400) {
            Map<String, Object> problem = problem(response, expected);
            if (expected == 404) {
                // Word for word what a session that does not exist answers.
                assertThat(problem)
                        .containsEntry("title", "Not found")
                        .containsEntry("detail", "Session " + id + " was not found");
            }
            if (endpoint == Endpoint.CREATE) {
                assertThat(sessionsOf(parties.student())).as("sessions stored").isZero();
            } else if (endpoint.write) {
                assertThat(view(admin, id))
                        .as("the session after a refused write")
                        .isEqualTo(before);
            }
        } else {
            Map<String, Object> view = body(response.expectStatus().isEqualTo(expected));
            assertThat(view).containsEntry("studentId", parties.student());
            if (endpoint == Endpoint.CREATE) {
                assertThat(sessionsOf(parties.student())).isOne();
            }
        }
    }

    private long sessionsOf(String student) {
        return mongo.count(Query.query(where("studentId").is(student)), "sessions")
                .block();
    }

    private static Map<String, Object> view(SessionsClient admin, String id) {
        return body(admin.get(id).expectStatus().isOk());
    }

    private static Map<String, Object> body(WebTestClient.ResponseSpec response) {
        EntityExchangeResult<Map<String, Object>> result = response.expectBody(
                        new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult();
        return result.getResponseBody();
    }

    private static Map<String, Object> problem(WebTestClient.ResponseSpec response, int status) {
        Map<String, Object> problem = body(response.expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(problem).containsEntry("status", status).containsKeys("type", "title", "detail");
        return problem;
    }
}
