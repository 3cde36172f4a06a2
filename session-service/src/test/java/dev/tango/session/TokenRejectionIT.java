package dev.tango.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import dev.tango.testsupport.ServiceIntegrationTest;
import dev.tango.testsupport.TestTokens;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The resource server in front of the API, against the real JWKS server of {@link TestTokens}: every token that is
 * not good answers 401 problem+json and changes nothing; health is open; the other actuator endpoints are for admins.
 */
@ServiceIntegrationTest
@AutoConfigureWebTestClient
class TokenRejectionIT {

    private static final String MARKER = "student-token-rejection";

    @Autowired
    WebTestClient web;

    @Autowired
    ReactiveMongoOperations mongo;

    @BeforeEach
    void patience() {
        // The first requests of a fresh context can be slow on a busy two-core machine.
        web = web.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    static Stream<Arguments> badTokens() {
        TestTokens tokens = TestTokens.get();
        return Stream.of(
                bad("a tampered payload (bad signature)", tokens::tampered),
                bad("alg: none", tokens::algNone),
                bad("HS256 keyed with the public key", tokens::hmacWithPublicKey),
                bad("an expired token", tokens::expired),
                bad("a token without expiry", tokens::withoutExpiry),
                bad("a wrong issuer", tokens::wrongIssuer),
                bad("a wrong audience", tokens::wrongAudience),
                bad("an unknown key", tokens::unknownKey),
                bad("another key under the published kid", tokens::impostorKey),
                bad("a token that is no JWT", subject -> "not.a.jwt"));
    }

    private static Arguments bad(String why, Function<String, String> token) {
        return Arguments.of(why, token.apply(SessionsClient.ADMIN));
    }

    @ParameterizedTest(name = "{0} answers 401 and creates nothing")
    @MethodSource("badTokens")
    void refusesABadTokenWithAProblemAndChangesNothing(String why, String token) {
        Map<String, Object> problem = unauthorized(web.post()
                .uri("/api/sessions")
                .headers(headers -> headers.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(SessionsClient.createBody(MARKER))
                .exchange()
                .expectHeader()
                .value(
                        HttpHeaders.WWW_AUTHENTICATE,
                        value -> assertThat(value).startsWith("Bearer error=\"invalid_token\"")));

        assertThat(problem).containsEntry("title", "Unauthorized");
        assertThat(mongo.count(Query.query(where("studentId").is(MARKER)), "sessions")
                        .block())
                .isZero();
    }

    @Test
    void refusesARequestWithoutAToken() {
        unauthorized(web.get()
                .uri("/api/sessions")
                .exchange()
                .expectHeader()
                .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer"));
        unauthorized(web.get()
                .uri("/api/sessions/{id}", "any-session")
                .header(HttpHeaders.AUTHORIZATION, "Basic YWRtaW46YWRtaW4=")
                .exchange());
    }

    @Test
    void acceptsAGoodToken() {
        new SessionsClient(web).list("").expectStatus().isOk();
    }

    @Test
    void leavesHealthOpenWithoutAToken() {
        web.get()
                .uri("/actuator/health")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP");
        web.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        web.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
    }

    @Test
    void keepsPrometheusAndTheOtherActuatorEndpointsForAdmins() {
        TestTokens tokens = TestTokens.get();
        unauthorized(web.get().uri("/actuator/prometheus").exchange());
        for (String endpoint : new String[] {"/actuator/prometheus", "/actuator/metrics", "/actuator/info"}) {
            for (String token : new String[] {tokens.student("student-ana"), tokens.mentor("mentor-marco")}) {
                web.get()
                        .uri(endpoint)
                        .headers(headers -> headers.setBearerAuth(token))
                        .exchange()
                        .expectStatus()
                        .isForbidden()
                        .expectHeader()
                        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .expectBody()
                        .jsonPath("$.status")
                        .isEqualTo(403);
            }
        }
        web.mutate()
                // The scrape outgrows the client's default 256 KB buffer once every consumer has its histograms.
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024))
                .build()
                .get()
                .uri("/actuator/prometheus")
                .headers(headers -> headers.setBearerAuth(tokens.admin("admin-ada")))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(body -> assertThat(body).contains("application=\"session-service\""));
    }

    @Test
    void documentsTheBearerTokenInTheOpenApiDocumentWhichStaysOpen() {
        web.get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.components.securitySchemes.bearer-jwt.scheme")
                .isEqualTo("bearer")
                .jsonPath("$.security[0].bearer-jwt")
                .exists()
                .jsonPath("$.paths['/api/sessions'].get.parameters[?(@.name == 'caller')]")
                .doesNotExist();
    }

    private static Map<String, Object> unauthorized(WebTestClient.ResponseSpec response) {
        Map<String, Object> problem = response.expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
        assertThat(problem).containsEntry("status", 401).containsKeys("type", "title", "detail");
        return problem;
    }
}
