package dev.tango.gateway.problem;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.netty.http.client.PrematureCloseException;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway looks every API token up in its database. While that database is away, an API call answers 503
 * problem+json with Retry-After at once; before, the lookup's error became a 500 "Internal error" after the driver's
 * 30 s of server selection (found by the reliability suite's MongoDB outage scenario).
 */
class ApiErrorWebExceptionHandlerTest {

    private final ApiErrorWebExceptionHandler handler =
            new ApiErrorWebExceptionHandler(JsonMapper.builder().build());

    @Test
    void theDatabaseAwayAnswers503ProblemWithRetryAfter() {
        for (Throwable error : new Throwable[] {
            new MongoTimeoutException("Timed out while waiting for a server"),
            new MongoSocketOpenException("refused", new ServerAddress("127.0.0.1", 1)),
            new DataAccessResourceFailureException("no server", new MongoTimeoutException("no server"))
        }) {
            MockServerWebExchange exchange = exchange("/api/sessions");

            StepVerifier.create(handler.handle(exchange, error)).verifyComplete();

            assertThat(exchange.getResponse().getStatusCode())
                    .as("%s", error)
                    .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(exchange.getResponse().getHeaders().getContentType())
                    .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(exchange.getResponse().getHeaders().getFirst(HttpHeaders.RETRY_AFTER))
                    .isEqualTo("5");
            assertThat(exchange.getResponse().getBodyAsString().block())
                    .contains("database-unavailable", "\"status\":503");
        }
    }

    @Test
    void aServiceThatIsDownIsStill503WithoutRetryAfter() {
        MockServerWebExchange exchange = exchange("/api/sessions");

        StepVerifier.create(handler.handle(exchange, new ConnectException("refused")))
                .verifyComplete();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(exchange.getResponse().getBodyAsString().block()).contains("service-unavailable");
    }

    /** A service killed in the middle of a call answered 500 "Internal error" (reliability suite, scenario 2). */
    @Test
    void aServiceThatDropsTheConnectionMidCallIs502NotAnInternalError() {
        MockServerWebExchange exchange = exchange("/api/scoring/sessions/s-1/observations");

        StepVerifier.create(handler.handle(
                        exchange, new IllegalStateException("relay", new IOException("Connection reset by peer"))))
                .verifyComplete();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.BAD_GATEWAY);
        assertThat(exchange.getResponse().getBodyAsString().block()).contains("service-connection-lost");
    }

    @Test
    void pagesAreLeftToTheDefaultHandler() {
        MongoTimeoutException error = new MongoTimeoutException("no server");

        StepVerifier.create(handler.handle(exchange("/dashboard"), error))
                .expectErrorMatches(e -> e == error)
                .verify();
    }

    /**
     * Found by the hostile input suite: a service refuses a body that is too large (413) and closes the connection
     * before the gateway has sent all of it; the gateway answered 500.
     */
    @Test
    void aServiceThatStoppedReadingTheBodyIsA413Problem() throws Exception {
        Constructor<PrematureCloseException> constructor =
                PrematureCloseException.class.getDeclaredConstructor(String.class);
        constructor.setAccessible(true);
        PrematureCloseException closed =
                constructor.newInstance("Connection has been closed BEFORE response, while sending request body");
        MockServerWebExchange exchange = MockServerWebExchange.from(
                MockServerHttpRequest.post("/api/sessions").build());

        handler.handle(exchange, new RuntimeException(closed)).block();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
        assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(exchange.getResponse().getBodyAsString().block()).contains("\"status\":413");
    }

    @Test
    void otherFailuresStayInternalErrors() {
        MockServerWebExchange exchange = MockServerWebExchange.from(
                MockServerHttpRequest.post("/api/sessions").build());

        handler.handle(exchange, new IllegalStateException("boom")).block();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    }

    private static MockServerWebExchange exchange(String path) {
        return MockServerWebExchange.from(MockServerHttpRequest.post(path).build());
    }
}
