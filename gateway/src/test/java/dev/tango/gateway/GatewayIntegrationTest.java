package dev.tango.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoServer;
import dev.tango.embeddedmongo.SnapshotMemoryBackend;
import dev.tango.events.ProgramId;
import dev.tango.events.UserId;
import dev.tango.gateway.user.AdminScope;
import dev.tango.gateway.user.NewUser;
import dev.tango.gateway.user.Role;
import dev.tango.gateway.user.User;
import dev.tango.gateway.user.UserService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * The gateway on a random port against a real MongoDB-protocol server (mongo-java-server over TCP on a free port),
 * with a real downstream Netty server standing in for the services. All subclasses share one Spring context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(GatewayIntegrationTest.TestClockConfiguration.class)
public abstract class GatewayIntegrationTest {

    protected static final Downstream DOWNSTREAM = Downstream.start();
    protected static final String MONGO_URI = startMongo();
    protected static final int CLOSED_PORT = closedPort();
    protected static final Path KEY_DIR = tempDir();
    protected static final String PASSWORD = "correct-horse-battery";

    private static final AtomicInteger ADDRESSES = new AtomicInteger(1);

    @LocalServerPort
    protected int port;

    @Autowired
    protected UserService userService;

    @Autowired
    protected MutableClock clock;

    @DynamicPropertySource
    static void gatewayProperties(DynamicPropertyRegistry registry) {
        registry.add("tango.gateway.services.session", DOWNSTREAM::url);
        registry.add("tango.gateway.services.feedback", DOWNSTREAM::url);
        // Nothing listens there: the scoring route stands for a service that is down.
        registry.add("tango.gateway.services.scoring", () -> "http://127.0.0.1:" + CLOSED_PORT);
        registry.add("spring.mongodb.uri", () -> MONGO_URI);
        registry.add("tango.security.key-dir", KEY_DIR::toString);
        registry.add("tango.security.issuer", () -> "http://gateway.test");
        // Trust X-Forwarded-For in tests so that each test can sign in from its own client address.
        registry.add("server.forward-headers-strategy", () -> "framework");
        registry.add("tango.security.login.account-failures", () -> "3");
        registry.add("tango.security.login.address-failures", () -> "6");
        // Longer than any test: a token or user read once stays cached unless an invalidation drops it, so every test
        // that revokes, deactivates or changes roles checks that the change applies at once, not after the TTL.
        registry.add("tango.security.api-token-cache-ttl", () -> "10m");
    }

    protected WebTestClient client() {
        return WebTestClient.bindToServer()
                .baseUrl(baseUrl())
                .responseTimeout(Duration.ofSeconds(90))
                .build();
    }

    /** The stand-in services' URL, for test configurations that point the gateway at other stand-ins too. */
    public static String downstreamUrl() {
        return DOWNSTREAM.url();
    }

    protected String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** A distinct client address per call, sent as X-Forwarded-For. */
    protected static String newAddress() {
        int n = ADDRESSES.getAndIncrement();
        return "10.1." + (n / 250) + "." + (n % 250 + 1);
    }

    protected User createUser(String prefix, Role role, String... programs) {
        return createUser(prefix, Set.of(role), programs);
    }

    /** A platform admin (ADMIN and PLATFORM_ADMIN): manages the users and tokens of every program. */
    protected User createPlatformAdmin(String... programs) {
        return createUser("platform-admin", Set.of(Role.ADMIN, Role.PLATFORM_ADMIN), programs);
    }

    protected User createUser(String prefix, Set<Role> roles, String... programs) {
        String id = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        Set<ProgramId> programIds =
                java.util.Arrays.stream(programs).map(ProgramId::of).collect(java.util.stream.Collectors.toSet());
        return userService
                .create(
                        AdminScope.everything(),
                        new NewUser(UserId.of(id), "Test " + id, id + "@example.test", roles, programIds, PASSWORD))
                .block(Duration.ofSeconds(10));
    }

    /** Signs in through the real form (with CSRF) and returns the browser's session. */
    protected Browser signIn(User user) {
        Browser browser = Browser.open(client(), newAddress());
        EntityExchangeResult<byte[]> result = browser.postLogin(user.email(), PASSWORD);
        assertThat(result.getStatus().value()).isEqualTo(302);
        assertThat(result.getResponseHeaders().getLocation()).hasToString("/");
        return browser;
    }

    public static String csrfFrom(String html) {
        Matcher matcher = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(matcher.find()).as("page has a CSRF field").isTrue();
        return matcher.group(1);
    }

    private static String startMongo() {
        MongoServer server = new MongoServer(new SnapshotMemoryBackend());
        server.bind("127.0.0.1", 0);
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "mongo-stop"));
        return "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("tango-gateway-keys");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A browser: a session cookie, a client address, and the CSRF token of the last page it read. */
    protected static final class Browser {
        private final WebTestClient client;
        public final String address;
        public String session;
        public String csrf;

        private Browser(WebTestClient client, String address) {
            this.client = client;
            this.address = address;
        }

        public static Browser open(WebTestClient client, String address) {
            Browser browser = new Browser(client, address);
            browser.page("/login");
            return browser;
        }

        /** GETs a page, keeps the cookie and CSRF token, returns the HTML. */
        public String page(String path) {
            EntityExchangeResult<String> result = client.get()
                    .uri(path)
                    .accept(MediaType.TEXT_HTML)
                    .headers(this::headers)
                    .exchange()
                    .expectBody(String.class)
                    .returnResult();
            keepCookie(result.getResponseCookies().getFirst("TANGO_SESSION"));
            String html = result.getResponseBody();
            if (html != null && html.contains("name=\"_csrf\"")) {
                csrf = csrfFrom(html);
            }
            return html;
        }

        public EntityExchangeResult<byte[]> postLogin(String email, String password) {
            EntityExchangeResult<byte[]> result = client.post()
                    .uri("/login")
                    .headers(this::headers)
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body(BodyInserters.fromFormData("email", email)
                            .with("password", password)
                            .with("_csrf", csrf))
                    .exchange()
                    .expectBody()
                    .returnResult();
            keepCookie(result.getResponseCookies().getFirst("TANGO_SESSION"));
            return result;
        }

        public WebTestClient.RequestHeadersSpec<?> get(String path) {
            return client.get().uri(path).headers(this::headers);
        }

        public WebTestClient.RequestBodySpec post(String path) {
            return client.post().uri(path).headers(this::headers);
        }

        public WebTestClient.RequestHeadersSpec<?> delete(String path) {
            return client.delete().uri(path).headers(this::headers);
        }

        public WebTestClient.RequestBodySpec patch(String path) {
            return client.patch().uri(path).headers(this::headers);
        }

        public void headers(HttpHeaders headers) {
            headers.set("X-Forwarded-For", address);
            if (session != null) {
                headers.add(HttpHeaders.COOKIE, "TANGO_SESSION=" + session);
            }
        }

        private void keepCookie(ResponseCookie cookie) {
            if (cookie != null) {
                session = cookie.getValue().isEmpty() ? null : cookie.getValue();
            }
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class TestClockConfiguration {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock();
        }

        @Bean
        MongoCommands mongoCommands() {
            return new MongoCommands();
        }

        @Bean
        MongoClientSettingsBuilderCustomizer countMongoCommands(MongoCommands commands) {
            return settings -> settings.addCommandListener(commands);
        }
    }
}
