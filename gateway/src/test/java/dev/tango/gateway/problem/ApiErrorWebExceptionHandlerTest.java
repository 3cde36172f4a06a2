package dev.tango.gateway.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.netty.http.client.PrematureCloseException;
import tools.jackson.databind.json.JsonMapper;

class ApiErrorWebExceptionHandlerTest {

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

        new ApiErrorWebExceptionHandler(JsonMapper.builder().build())
                .handle(exchange, new RuntimeException(closed))
                .block();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
        assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(exchange.getResponse().getBodyAsString().block()).contains("\"status\":413");
    }

    @Test
    void otherFailuresStayInternalErrors() {
        MockServerWebExchange exchange = MockServerWebExchange.from(
                MockServerHttpRequest.post("/api/sessions").build());

        new ApiErrorWebExceptionHandler(JsonMapper.builder().build())
                .handle(exchange, new IllegalStateException("boom"))
                .block();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    }
}
