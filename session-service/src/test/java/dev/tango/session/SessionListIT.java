package dev.tango.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tango.testsupport.ServiceIntegrationTest;
import dev.tango.testsupport.TestTokens;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * {@code GET /api/sessions}: what each caller may list, narrowed by the filters, newest scheduled first, in pages. Three
 * sessions with ids of their own (other tests share the database):
 *
 * <pre>
 *   S1  program P  student A  mentor M      IN_PROGRESS  scheduled in 1 h
 *   S2  program P  student B  mentor N      SCHEDULED    scheduled in 2 h
 *   S3  program Q  student A  mentors M, N  SCHEDULED    scheduled in 3 h
 * </pre>
 */
@ServiceIntegrationTest
@AutoConfigureWebTestClient
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionListIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String P = "p-" + RUN;
    private static final String Q = "q-" + RUN;
    private static final String A = "student-a-" + RUN;
    private static final String B = "student-b-" + RUN;
    private static final String M = "mentor-m-" + RUN;
    private static final String N = "mentor-n-" + RUN;

    @Autowired
    WebTestClient web;

    private final Map<String, String> ids = new HashMap<>();

    @BeforeAll
    void threeSessions() {
        SessionsClient admin = new SessionsClient(web, TestTokens.get().admin("admin-" + RUN, P, Q));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ids.put("S1", create(admin, P, A, List.of(M), now.plus(1, ChronoUnit.HOURS)));
        ids.put("S2", create(admin, P, B, List.of(N), now.plus(2, ChronoUnit.HOURS)));
        ids.put("S3", create(admin, Q, A, List.of(M, N), now.plus(3, ChronoUnit.HOURS)));
        admin.start(ids.get("S1")).expectStatus().isOk();
    }

    private static String create(
            SessionsClient admin, String program, String student, List<String> mentors, Instant at) {
        String body = """
                {"programId":"%s","studentId":"%s","mentorIds":["%s"],"scheduledFor":"%s"}""".formatted(program, student, String.join("\",\"", mentors), at);
        return (String) admin.post("/api/sessions", body)
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("id");
    }

    static Stream<Arguments> lists() {
        TestTokens tokens = TestTokens.get();
        Function<String, String> student = tokens::student;
        Function<String, String> mentor = tokens::mentor;
        return Stream.of(
                list("student A, no filter", student.apply(A), "", 2, "S3", "S1"),
                list("student A, another student's", student.apply(A), "?studentId=" + B, 0),
                list("student A, in program P", student.apply(A), "?programId=" + P, 1, "S1"),
                list("student B, no filter", student.apply(B), "", 1, "S2"),
                list("mentor M, no filter", mentor.apply(M), "", 2, "S3", "S1"),
                list("mentor M, as mentor M", mentor.apply(M), "?mentorId=" + M, 2, "S3", "S1"),
                list("mentor M, as mentor N", mentor.apply(M), "?mentorId=" + N, 1, "S3"),
                list("mentor N, in program P", mentor.apply(N), "?programId=" + P, 1, "S2"),
                list("admin of P, in P", tokens.admin("admin-p", P), "?programId=" + P, 2, "S2", "S1"),
                list("admin of P, no filter", tokens.admin("admin-p", P), "", 2, "S2", "S1"),
                list("admin of P, in Q", tokens.admin("admin-p", P), "?programId=" + Q, 0),
                list("admin of P, student A", tokens.admin("admin-p", P), "?studentId=" + A, 1, "S1"),
                list("admin of P and Q, student A", tokens.admin("admin-pq", P, Q), "?studentId=" + A, 2, "S3", "S1"),
                list(
                        "admin of P, in P and IN_PROGRESS",
                        tokens.admin("admin-p", P),
                        "?programId=" + P + "&status=IN_PROGRESS",
                        1,
                        "S1"),
                list(
                        "admin of P, page 0 of size 1",
                        tokens.admin("admin-p", P),
                        "?programId=" + P + "&size=1",
                        2,
                        "S2"),
                list(
                        "admin of P, page 1 of size 1",
                        tokens.admin("admin-p", P),
                        "?programId=" + P + "&size=1&page=1",
                        2,
                        "S1"),
                list(
                        "admin of P, past the last page",
                        tokens.admin("admin-p", P),
                        "?programId=" + P + "&size=1&page=2",
                        2),
                list("a caller with no role", tokens.token(A, List.of(), List.of(P, Q)), "", 0));
    }

    private static Arguments list(String name, String token, String query, int total, String... expected) {
        return Arguments.of(name, token, query, total, List.of(expected));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lists")
    void listsOnlyWhatTheCallerMaySee(String name, String token, String query, int total, List<String> expected) {
        Map<String, Object> page = new SessionsClient(web, token)
                .list(query)
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
        assertThat(items)
                .extracting(item -> item.get("id"))
                .containsExactlyElementsOf(expected.stream().map(ids::get).toList());
        assertThat(page).containsEntry("total", total).containsKeys("page", "size");
    }

    static Stream<Arguments> rejected() {
        return Stream.of(
                Arguments.of("size 0", "?size=0", "size"),
                Arguments.of("size 101", "?size=101", "size"),
                Arguments.of("page -1", "?page=-1", "page"),
                Arguments.of("an unknown status", "?status=PAUSED", null),
                Arguments.of("a malformed program id", "?programId=pcc%202026", null),
                Arguments.of("a size that is no number", "?size=many", null));
    }

    @ParameterizedTest(name = "rejects {0}")
    @MethodSource("rejected")
    void rejectsABadQueryWithAProblem(String name, String query, String field) {
        Map<String, Object> problem = new SessionsClient(web, TestTokens.get().admin("admin-p", P))
                .list(query)
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();

        assertThat(problem).containsEntry("status", 400);
        if (field != null) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> errors = (List<Map<String, Object>>) problem.get("errors");
            assertThat(errors).extracting(error -> error.get("field")).containsExactly(field);
        }
    }

    @Test
    void answers401WithoutAToken() {
        new SessionsClient(web, null)
                .list("")
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void pagesBy20UnlessToldOtherwise() {
        new SessionsClient(web, TestTokens.get().admin("admin-p", P))
                .list("?programId=" + P)
                .expectBody()
                .jsonPath("$.page")
                .isEqualTo(0)
                .jsonPath("$.size")
                .isEqualTo(20);
    }
}
