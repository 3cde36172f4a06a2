package dev.tango.benchmark;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import java.util.concurrent.CountDownLatch;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.netty.http.server.HttpServer;

/**
 * The baseline web server: Spring WebFlux on Reactor Netty, as the services are, with one endpoint answering a tiny
 * JSON object (a constant string) without any I/O behind it. Started by the benchmark in its own JVM with the services' JVM options.
 * Argument: the port.
 */
public final class TrivialWebFluxServer {

    private TrivialWebFluxServer() {}

    public static void main(String[] args) throws InterruptedException {
        int port = Integer.parseInt(args[0]);
        var routes = route(
                GET("/hello"),
                request -> ServerResponse.ok()
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue("{\"hello\":\"tango\"}"));
        var adapter = new ReactorHttpHandlerAdapter(RouterFunctions.toHttpHandler(routes));
        var server =
                HttpServer.create().host("127.0.0.1").port(port).handle(adapter).bindNow();
        Runtime.getRuntime().addShutdownHook(new Thread(server::disposeNow));
        new CountDownLatch(1).await();
    }
}
