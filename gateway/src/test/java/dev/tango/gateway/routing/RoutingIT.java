package dev.tango.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tango.gateway.Downstream;
import dev.tango.gateway.GatewayIntegrationTest;
import dev.tango.gateway.user.Role;
import dev.tango.gateway.user.User;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;

class RoutingIT extends GatewayIntegrationTest {

    @Test
    void forwardsABrowserCallWithTheUsersBearerJwtAndWithoutCookies() {
        User student = createUser("student", Role.STUDENT, "pcc-2026");
        Browser browser = signIn(student);

        browser.get("/api/sessions/s-42/timeline?x=1")
                .header(HttpHeaders.AUTHORIZATION, "Basic c29tZW9uZTplbHNl")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .doesNotExist(HttpHeaders.SET_COOKIE);

        Downstream.Received received = DOWNSTREAM.last("/api/sessions/s-42/timeline?x=1");
        assertThat(received.header("cookie")).isNull();
        assertThat(received.headers().get("authorization")).hasSize(1);
        String authorization = received.header("authorization");
        assertThat(authorization).startsWith("Bearer ");
        Jwt jwt = NimbusReactiveJwtDecoder.withJwkSetUri(baseUrl() + "/.well-known/jwks.json")
                .build()
                .decode(authorization.substring(7))
                .block(Duration.ofSeconds(10));
        assertThat(jwt.getSubject()).isEqualTo(student.id().value());
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("STUDENT");
        assertThat(jwt.getAudience()).containsExactly("tango-api");
    }

    @Test
    void routesFeedbackToo() {
        User mentor = createUser("mentor", Role.MENTOR);
        signIn(mentor).get("/api/feedback/anything").exchange().expectStatus().isOk();
        assertThat(DOWNSTREAM.last("/api/feedback/anything").header("authorization"))
                .startsWith("Bearer ey");
    }

    @Test
    void refusesAnonymousApiCallsWithProblemJson() {
        int before = DOWNSTREAM.received().size();
        client().get()
                .uri("/api/sessions/s-1")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(401);
        assertThat(DOWNSTREAM.received()).hasSize(before);
    }

    /** Found by the hostile input suite: the firewall answered these with an empty 400. */
    @Test
    void refusesPathTraversalAndNulInThePathWithProblemJson() {
        int before = DOWNSTREAM.received().size();
        for (String path :
                java.util.List.of("/api/sessions/../x/start", "/api/sessions/%00/start", "/api/sessions/a%2Fb")) {
            client().post()
                    .uri(java.net.URI.create(baseUrl() + path))
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        assertThat(DOWNSTREAM.received()).hasSize(before);
    }

    @Test
    void answersServiceUnavailableAsProblemJsonWhenAServiceIsDown() {
        User admin = createUser("admin", Role.ADMIN);
        signIn(admin)
                .get("/api/scoring/rubrics")
                .exchange()
                .expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title")
                .isEqualTo("Service unavailable");
    }
}
