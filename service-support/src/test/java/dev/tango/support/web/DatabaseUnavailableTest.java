package dev.tango.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoSocketReadException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * A database outage answers 503 problem+json with Retry-After, whether a controller meets it or a filter before it
 * (the idempotency filter claims its key in MongoDB). Before, both answered 500 "Internal error", after the driver's
 * 30 s of server selection (found by the reliability suite's MongoDB outage scenario).
 */
class DatabaseUnavailableTest {

    private final WebTestClient web = WebTestClient.bindToController(new FailingController())
            .controllerAdvice(new ProblemDetailsAdvice())
            .build();

    @Test
    void aControllerThatCannotReachTheDatabaseAnswers503ProblemWithRetryAfter() {
        for (String path : new String[] {"/timeout", "/translated", "/socket", "/wrapped"}) {
            web.post()
                    .uri(path)
                    .exchange()
                    .expectStatus()
                    .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader()
                    .valueEquals(HttpHeaders.RETRY_AFTER, "5")
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("https://tango.dev/problems/database-unavailable")
                    .jsonPath("$.status")
                    .isEqualTo(503);
        }
    }

    @Test
    void otherErrorsStay500() {
        web.post().uri("/other").exchange().expectStatus().isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    }

    @Test
    void aFilterThatCannotReachTheDatabaseAnswers503ProblemWithRetryAfter() {
        MockServerWebExchange exchange = MockServerWebExchange.from(
                MockServerHttpRequest.post("/api/sessions").build());

        StepVerifier.create(new DatabaseUnavailable().handle(exchange, new MongoTimeoutException("no server")))
                .verifyComplete();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(exchange.getResponse().getHeaders().getFirst(HttpHeaders.RETRY_AFTER))
                .isEqualTo("5");
        assertThat(exchange.getResponse().getBodyAsString().block())
                .contains("\"status\":503", "database-unavailable", "\"instance\":\"/api/sessions\"");
    }

    @Test
    void aFilterErrorThatIsNotAboutTheDatabaseIsLeftToTheNextHandler() {
        MockServerWebExchange exchange = MockServerWebExchange.from(
                MockServerHttpRequest.post("/api/sessions").build());
        IllegalStateException other = new IllegalStateException("something else");

        StepVerifier.create(new DatabaseUnavailable().handle(exchange, other))
                .expectErrorMatches(error -> error == other)
                .verify();
    }

    @RestController
    static class FailingController {

        @PostMapping("/timeout")
        Mono<String> timeout() {
            return Mono.error(new MongoTimeoutException("Timed out while waiting for a server"));
        }

        @PostMapping("/translated")
        Mono<String> translated() {
            return Mono.error(new DataAccessResourceFailureException(
                    "no server", new MongoTimeoutException("Timed out while waiting for a server")));
        }

        @PostMapping("/socket")
        Mono<String> socket() {
            return Mono.error(new MongoSocketReadException("reset", new ServerAddress("127.0.0.1", 1)));
        }

        @PostMapping("/wrapped")
        Mono<String> wrapped() {
            return Mono.error(new IllegalStateException(
                    "operator failed", new MongoTimeoutException("Timed out while waiting for a server")));
        }

        @PostMapping("/other")
        Mono<String> other() {
            return Mono.error(new IllegalStateException("a bug"));
        }
    }
}
