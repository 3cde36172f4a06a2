package dev.tango.reliability.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tango.local.Component;
import dev.tango.local.DemoUser;
import dev.tango.local.GatewayClient;
import dev.tango.local.LocalStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.bson.Document;

/**
 * The whole platform (LocalStack: Kafka, the Mongo-protocol server, three services, the gateway, each its own process)
 * and the scene the hostile tests play in: people of every role, signed in through the edge, and resources that
 * belong to some of them.
 */
final class Platform implements AutoCloseable {

    static final String PROGRAM = "pcc-2026";
    static final String OTHER_PROGRAM = "other-2026";
    static final Duration PROJECTION_PATIENCE = Duration.ofSeconds(90);

    private static final System.Logger LOG = System.getLogger(Platform.class.getName());

    final LocalStack stack;
    /**
     * Renewed before each test ({@link #freshConnections()}): a connection that one part of the suite left out of step
     * (the open oversized-body finding of RELIABILITY.md) must not make the next part's first request hang.
     */
    Edge edge = new Edge(this::dumpThreads);

    final GatewayClient gatewayClient;
    /** One client for every snapshot (a new one per snapshot costs about a second on a loaded machine). */
    private final com.mongodb.client.MongoClient store;
    /** Every caller by label: browsers of the demo users and of made-up ones, and API tokens. */
    final Map<String, Caller> callers = new LinkedHashMap<>();
    /** Ids of the scene's resources by name (see {@link #setTheScene()}). */
    final Map<String, String> ids = new LinkedHashMap<>();

    /** New connections to the edge and the services for the next part of the suite. */
    void freshConnections() {
        edge = new Edge(this::dumpThreads);
    }

    /**
     * When a request got no answer: the threads of the gateway and the services (jcmd {@code Thread.print}) into
     * {@code target/no-answer/}, with the request, for whoever reads the failure. Their access logs (on for this
     * module's stack) show whether each process saw the request.
     */
    void dumpThreads(String request) {
        java.nio.file.Path dir = java.nio.file.Path.of(
                "target", "no-answer", Instant.now().toString().replace(':', '-'));
        try {
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Files.writeString(dir.resolve("request.txt"), request + System.lineSeparator());
            List<Component> components = new ArrayList<>(Component.BACKEND_SERVICES);
            components.add(Component.GATEWAY);
            for (Component component : components) {
                String jcmd = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "jcmd")
                        .toString();
                Process dump = new ProcessBuilder(jcmd, Long.toString(stack.pid(component)), "Thread.print", "-l")
                        .redirectErrorStream(true)
                        .redirectOutput(
                                dir.resolve(component.name().toLowerCase(java.util.Locale.ROOT) + ".threads.txt")
                                        .toFile())
                        .start();
                dump.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
            }
            System.out.println("  threads of the stack when no answer came: " + dir.toAbsolutePath());
        } catch (IOException | RuntimeException e) {
            System.out.println("  could not dump the stack's threads: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Platform(LocalStack stack) {
        this.stack = stack;
        this.gatewayClient = new GatewayClient(stack.gatewayUrl());
        this.store = com.mongodb.client.MongoClients.create(stack.mongoUri());
    }

    /** The scene's platform on a running stack, which stays running when this is closed. */
    static Platform on(LocalStack stack) {
        return new Platform(stack);
    }

    String gateway() {
        return stack.gatewayUrl();
    }

    Caller caller(String label) {
        Caller caller = callers.get(label);
        if (caller == null) {
            throw new IllegalArgumentException("No caller " + label + " among " + callers.keySet());
        }
        return caller;
    }

    DemoUser demo(String id) {
        return stack.demoUsers().stream()
                .filter(user -> user.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    Caller.Browser signIn(String label, String email, String password) {
        try {
            GatewayClient.SignedIn signedIn = gatewayClient.signIn(email, password);
            Caller.Browser browser = new Caller.Browser(label, signedIn.cookie(), signedIn.csrf());
            callers.put(label, browser);
            return browser;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A request through the edge that must answer {@code expected}; its JSON body. */
    Document call(String label, String method, String path, String json, int expected) {
        Edge.Reply reply = edge.send(gateway(), method, path, caller(label), json);
        assertThat(reply.status())
                .as("%s %s as %s: %s", method, path, label, reply)
                .isEqualTo(expected);
        return reply.body().isBlank() || !reply.body().trim().startsWith("{")
                ? new Document()
                : Document.parse(reply.body());
    }

    /** Retries a call the services can only answer once an event reached them (404/409 until then). */
    Document callOnceProjected(String label, String method, String path, String json, int expected) {
        Supplier<Edge.Reply> send = () -> edge.send(gateway(), method, path, caller(label), json);
        Edge.Reply reply = await().atMost(PROJECTION_PATIENCE)
                .pollInterval(Duration.ofMillis(300))
                .until(send::get, answer -> answer.status() == expected || answer.status() >= 500);
        assertThat(reply.status())
                .as("%s %s as %s: %s", method, path, label, reply)
                .isEqualTo(expected);
        return reply.body().isBlank() ? new Document() : Document.parse(reply.body());
    }

    /**
     * The scene: the demo people signed in; an admin of another program; a platform admin of no program; API tokens of each kind; two sessions of
     * student-ana with mentor-marco (one ended, observed, scored and published, commented and replied to, one in
     * progress), a draft rubric of the program, a user and a token to aim the corpus at.
     */
    void setTheScene() {
        for (String id : List.of("admin-ada", "mentor-marco", "mentor-mia", "student-ana", "student-ben")) {
            DemoUser user = demo(id);
            signIn(id, user.email(), user.password());
        }
        call(
                "admin-ada",
                "POST",
                "/api/users",
                "{\"id\":\"admin-olga\",\"displayName\":\"Olga Other\",\"email\":\"olga@other.test\","
                        + "\"roles\":[\"ADMIN\"],\"programs\":[\"" + OTHER_PROGRAM
                        + "\"],\"password\":\"olga-secret-1\"}",
                201);
        signIn("admin-olga", "olga@other.test", "olga-secret-1");
        // A platform admin of no program: every program's users and tokens, none of their data (AuthzMatrix).
        call(
                "admin-ada",
                "POST",
                "/api/users",
                "{\"id\":\"platform-admin-pia\",\"displayName\":\"Pia Platform\",\"email\":\"pia@platform.test\","
                        + "\"roles\":[\"ADMIN\",\"PLATFORM_ADMIN\"],\"programs\":[],\"password\":\"pia-secret-12\"}",
                201);
        signIn("platform-admin-pia", "pia@platform.test", "pia-secret-12");
        call(
                "admin-ada",
                "POST",
                "/api/users",
                "{\"id\":\"corpus-target\",\"displayName\":\"Corpus Target\",\"email\":\"target@corpus.test\","
                        + "\"roles\":[\"STUDENT\"],\"programs\":[\"" + PROGRAM
                        + "\"],\"password\":\"target-secret-1\"}",
                201);
        ids.put("userId", "corpus-target");

        Instant expires = Instant.now().plus(Duration.ofHours(2));
        for (String role : List.of("ADMIN", "MENTOR", "STUDENT")) {
            issueClientToken("token-" + role.toLowerCase(java.util.Locale.ROOT), role, PROGRAM, expires);
        }
        issueClientToken("token-admin-other", "ADMIN", OTHER_PROGRAM, expires);
        Document spare = call(
                "admin-ada",
                "POST",
                "/api/tokens",
                "{\"name\":\"corpus-target\",\"role\":\"STUDENT\",\"programs\":[\"" + PROGRAM + "\"],\"expiresAt\":\""
                        + expires + "\"}",
                201);
        ids.put("tokenId", spare.get("details", Document.class).getString("id"));
        for (String user : List.of("student-ana", "student-ben", "mentor-marco", "mentor-mia", "admin-ada")) {
            Document personal = call(
                    "admin-ada",
                    "POST",
                    "/api/tokens",
                    "{\"name\":\"personal " + user + "\",\"user\":\"" + user + "\",\"expiresAt\":\"" + expires + "\"}",
                    201);
            callers.put("pat-" + user, new Caller.Bearer("pat-" + user, personal.getString("token")));
        }
        for (String user : List.of("student-ben", "mentor-mia")) {
            Document own = call(
                    user, "POST", "/api/me/tokens", "{\"name\":\"my own\",\"expiresAt\":\"" + expires + "\"}", 201);
            callers.put("me-token-" + user, new Caller.Bearer("me-token-" + user, own.getString("token")));
        }
        ids.put(
                "meTokenId",
                call("admin-ada", "POST", "/api/me/tokens", "{\"name\":\"corpus-target\"}", 201)
                        .get("details", Document.class)
                        .getString("id"));

        String ended = schedule("student-ana");
        call("admin-ada", "POST", "/api/sessions/" + ended + "/start", null, 200);
        call("admin-ada", "POST", "/api/sessions/" + ended + "/phase", "{\"phase\":\"EXPLORING\"}", 200);
        Document observation = callOnceProjected(
                "mentor-marco",
                "POST",
                "/api/scoring/sessions/" + ended + "/observations",
                "{\"kind\":\"MARKER\",\"itemId\":\"opening.work-together\",\"note\":\"asked at once\"}",
                201);
        ids.put("observationId", observationId(observation));
        call("admin-ada", "POST", "/api/sessions/" + ended + "/end", null, 200);
        callOnceProjected(
                "mentor-marco", "POST", "/api/scoring/sessions/" + ended + "/scorecards/mine/publish", null, 200);
        Document published = callOnceProjected(
                "mentor-marco",
                "POST",
                "/api/feedback/sessions/" + ended + "/comments",
                "{\"body\":\"Good opening.\",\"kind\":\"STRENGTH\",\"publish\":true}",
                201);
        ids.put("publishedCommentId", published.getString("id"));
        Document draft = call(
                "mentor-marco",
                "POST",
                "/api/feedback/sessions/" + ended + "/comments",
                "{\"body\":\"A draft.\",\"kind\":\"NOTE\",\"publish\":false}",
                201);
        ids.put("commentId", draft.getString("id"));
        call(
                "student-ana",
                "POST",
                "/api/feedback/sessions/" + ended + "/comments/" + published.getString("id") + "/replies",
                "{\"body\":\"Thank you.\"}",
                201);
        ids.put("endedSessionId", ended);

        String running = schedule("student-ana");
        call("admin-ada", "POST", "/api/sessions/" + running + "/start", null, 200);
        ids.put("runningSessionId", running);

        Document rubric = call(
                "admin-ada",
                "POST",
                "/api/scoring/rubrics",
                "{\"programId\":\"" + PROGRAM + "\",\"rubricId\":\"corpus-rubric\",\"basedOn\":{\"rubricId\":"
                        + "\"partnership\",\"version\":1}}",
                201);
        ids.put("rubricId", "corpus-rubric");
        ids.put("rubricVersion", String.valueOf(rubricVersion(rubric)));
        LOG.log(System.Logger.Level.INFO, "Scene set: " + ids);
    }

    private void issueClientToken(String label, String role, String program, Instant expires) {
        Document issued = call(
                "admin-ada",
                "POST",
                "/api/tokens",
                "{\"name\":\"" + label + "\",\"role\":\"" + role + "\",\"programs\":[\"" + program
                        + "\"],\"expiresAt\":\"" + expires + "\"}",
                201);
        callers.put(label, new Caller.Bearer(label, issued.getString("token")));
    }

    String schedule(String studentId) {
        return call(
                        "admin-ada",
                        "POST",
                        "/api/sessions",
                        "{\"programId\":\"" + PROGRAM + "\",\"studentId\":\"" + studentId
                                + "\",\"mentorIds\":[\"mentor-marco\"],\"mode\":\"LIVE\",\"goal\":\"Say no\"}",
                        201)
                .getString("id");
    }

    private static String observationId(Document answer) {
        if (answer.containsKey("observationId")) {
            return answer.getString("observationId");
        }
        if (answer.get("observation") instanceof Document observation) {
            return observation.getString("id");
        }
        return answer.getString("id");
    }

    private static Object rubricVersion(Document answer) {
        if (answer.get("version") instanceof Number number) {
            return number.intValue();
        }
        if (answer.get("draft") instanceof Document draft && draft.get("version") instanceof Number number) {
            return number.intValue();
        }
        return 1;
    }

    /** GET of a JSON document on a service directly (its OpenAPI document is open). */
    String serviceDocument(Component service, String path) {
        return plainGet(stack.serviceUrl(service) + path, null);
    }

    String plainGet(String url, Caller caller) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (caller != null) {
            caller.authorize(request);
        }
        try {
            HttpResponse<String> response =
                    HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("GET " + url).isEqualTo(200);
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every endpoint the three services and the gateway document. */
    List<ApiDocs.Endpoint> endpoints() {
        List<ApiDocs.Endpoint> all = new ArrayList<>();
        for (Component service : Component.BACKEND_SERVICES) {
            all.addAll(ApiDocs.endpoints(service.displayName(), serviceDocument(service, "/v3/api-docs")));
        }
        all.addAll(ApiDocs.endpoints("gateway", plainGet(gateway() + "/v3/api-docs", caller("token-admin"))));
        return all;
    }

    /** The store, after whatever the scene and earlier tests set moving (outbox relays, projections) has settled. */
    StoreSnapshot settledSnapshot() {
        StoreSnapshot[] last = {snapshot()};
        await().atMost(PROJECTION_PATIENCE)
                .pollDelay(Duration.ofSeconds(2))
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> {
                    StoreSnapshot now = snapshot();
                    boolean settled = now.equals(last[0]);
                    last[0] = now;
                    return settled;
                });
        return last[0];
    }

    /** Everything stored now, without waiting for anything to settle. */
    StoreSnapshot snapshot() {
        return StoreSnapshot.take(store);
    }

    /** Closes the store's client; the stack belongs to whoever started it. */
    @Override
    public void close() {
        store.close();
    }
}
