package dev.tango.reliability.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.tango.local.Component;
import dev.tango.local.DemoUser;
import dev.tango.local.GatewayClient;
import dev.tango.local.LocalStack;
import dev.tango.local.ServiceJwts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;

/**
 * The whole platform on the embedded default for the fault scenarios: a {@link LocalStack} (Kafka and the
 * MongoDB-protocol server as their own OS processes), an admin API token and mentor tokens for the load, and what the
 * scenarios measure: outbox backlogs (read from MongoDB), consumer lag (Kafka AdminClient: committed offsets against
 * end offsets), the services' Prometheus scrapes.
 */
final class FaultStack implements AutoCloseable {

    static final List<String> TOPICS = List.of("tango.session-events.v1", "tango.score-events.v1");

    private static final System.Logger LOG = System.getLogger(FaultStack.class.getName());
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"(tango_pat_[^\"]+)\"");

    private final Path dataDir;
    private final Duration startupTimeout;
    /** Whether {@link #close()} stops the stack: not when it is a shared one that others started. */
    private final boolean owned;

    private LocalStack stack;
    private final Map<Component, Integer> ports = new EnumMap<>(Component.class);
    private int controllerPort;

    private String adminToken;
    private List<LoadDriver.Mentor> mentors;

    FaultStack(Path dataDir, Duration startupTimeout) {
        this.dataDir = dataDir;
        this.startupTimeout = startupTimeout;
        this.owned = true;
    }

    private FaultStack(LocalStack running) {
        this.dataDir = running.dataDir();
        this.startupTimeout = LocalStack.DEFAULT_STARTUP_TIMEOUT;
        this.owned = false;
        this.stack = running;
    }

    /**
     * On a stack that is already running (a shared one, which {@link #close()} leaves running and {@link
     * #restartWhole()} refuses to restart): issues the admin token and {@code mentorCount} mentor tokens.
     */
    static FaultStack on(LocalStack running, int mentorCount) throws IOException {
        return new FaultStack(running).issueTokens(mentorCount);
    }

    /** Starts every component on free ports; then issues the admin token and {@code mentorCount} mentor tokens. */
    FaultStack start(int mentorCount) throws IOException {
        stack = LocalStack.builder()
                .dataDir(dataDir)
                .freePorts()
                .startupTimeout(startupTimeout)
                .progress(line -> LOG.log(System.Logger.Level.INFO, line))
                .build()
                .start();
        return issueTokens(mentorCount);
    }

    private FaultStack issueTokens(int mentorCount) throws IOException {
        for (Component component : stack.components()) {
            ports.put(component, stack.port(component));
        }
        controllerPort = stack.kafkaControllerPort();
        DemoUser admin = stack.demoUsers().stream()
                .filter(user -> "ADMIN".equals(user.role()))
                .findFirst()
                .orElseThrow();
        adminToken = new GatewayClient(stack.gatewayUrl())
                .issueApiToken(admin, "fault-scenarios", Instant.now().plus(Duration.ofHours(6)));
        mentors = issueMentors(mentorCount);
        return this;
    }

    /** How long a whole-stack restart took: stopping everything, then until everything was healthy again. */
    record Restart(Duration stopping, Duration starting) {

        Duration down() {
            return stopping.plus(starting);
        }
    }

    /**
     * Stops every component (SIGTERM, services first) and starts the whole stack again on the same ports and data:
     * the tokens issued before stay valid.
     */
    Restart restartWhole() {
        if (!owned) {
            throw new IllegalStateException("a shared stack is not this scenario's to restart");
        }
        long stopping = System.nanoTime();
        stack.close();
        Duration stopped = Duration.ofNanos(System.nanoTime() - stopping);
        LocalStack.Builder builder = LocalStack.builder()
                .dataDir(dataDir)
                .startupTimeout(startupTimeout)
                .kafkaControllerPort(controllerPort)
                .progress(line -> LOG.log(System.Logger.Level.INFO, line));
        ports.forEach(builder::port);
        long begin = System.nanoTime();
        stack = builder.build().start();
        return new Restart(stopped, Duration.ofNanos(System.nanoTime() - begin));
    }

    LocalStack stack() {
        return stack;
    }

    String adminToken() {
        return adminToken;
    }

    List<LoadDriver.Mentor> mentors() {
        return mentors;
    }

    Api api(Duration timeout) {
        return new Api(stack.gatewayUrl(), timeout);
    }

    /**
     * Mentors the load assigns sessions to: users created for the load through the admin users API ({@code
     * load-mentor-<n>}, role MENTOR of the program), each with a personal token that acts as them ({@code POST
     * /api/tokens {"name", "user"}}).
     */
    private List<LoadDriver.Mentor> issueMentors(int count) {
        Api api = api(Duration.ofSeconds(30));
        List<LoadDriver.Mentor> issued = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = "load-mentor-" + i;
            Api.Reply user = api.send(
                    adminToken,
                    "POST",
                    "/api/users",
                    "{\"id\":\"" + id + "\",\"displayName\":\"Load Mentor " + i + "\",\"email\":\"" + id
                            + "@load.tango.local\",\"roles\":[\"MENTOR\"],\"programs\":[\"" + LoadDriver.PROGRAM
                            + "\"],\"password\":\"load-" + UUID.randomUUID() + "\"}",
                    null);
            assertThat(user.status()).as("POST /api/users: %s", user).isEqualTo(201);
            Api.Reply personal = api.send(
                    adminToken,
                    "POST",
                    "/api/tokens",
                    "{\"name\":\"fault-scenarios-" + id + "\",\"user\":\"" + id + "\"}",
                    null);
            assertThat(personal.status())
                    .as("POST /api/tokens for %s: %s", id, personal)
                    .isEqualTo(201);
            issued.add(new LoadDriver.Mentor(id, token(personal)));
        }
        return issued;
    }

    private static String token(Api.Reply reply) {
        Matcher matcher = TOKEN.matcher(reply.body());
        assertThat(matcher.find()).as("a token in %s", reply).isTrue();
        return matcher.group(1);
    }

    /** Documents whose outbox still holds events: session-service's sessions and scoring-service's scorings. */
    long outboxBacklog() {
        try (MongoClient mongo = MongoClients.create(stack.mongoUri() + "/?serverSelectionTimeoutMS=2000")) {
            Document pending = new Document("outbox.eventId", new Document("$exists", true));
            return mongo.getDatabase("tango_session").getCollection("sessions").countDocuments(pending)
                    + mongo.getDatabase("tango_scoring")
                            .getCollection("session_scoring")
                            .countDocuments(pending);
        }
    }

    /** Per consumer group, the records of {@link #TOPICS} not yet committed (end offset minus committed offset). */
    Map<String, Long> consumerLag() {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.kafkaBootstrap(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                10_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                5_000))) {
            List<TopicPartition> partitions = new ArrayList<>();
            admin.describeTopics(TOPICS)
                    .allTopicNames()
                    .get(10, TimeUnit.SECONDS)
                    .values()
                    .forEach(topic -> topic.partitions()
                            .forEach(p -> partitions.add(new TopicPartition(topic.name(), p.partition()))));
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).forEach((p, info) -> ends.put(p, info.offset()));
            Map<String, Long> lag = new java.util.TreeMap<>();
            for (ConsumerGroupListing group : admin.listConsumerGroups().all().get(10, TimeUnit.SECONDS)) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                        .partitionsToOffsetAndMetadata()
                        .get(10, TimeUnit.SECONDS);
                Set<String> topics = new java.util.HashSet<>();
                committed.keySet().forEach(p -> topics.add(p.topic()));
                long behind = 0;
                for (TopicPartition partition : partitions) {
                    if (!topics.contains(partition.topic())) {
                        continue;
                    }
                    OffsetAndMetadata offset = committed.get(partition);
                    behind += ends.get(partition) - (offset == null ? 0 : offset.offset());
                }
                if (!topics.isEmpty()) {
                    lag.put(group.groupId(), behind);
                }
            }
            return lag;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read consumer lag: " + e, e);
        }
    }

    /** A service's (or the gateway's) own Prometheus scrape, with an ADMIN service JWT signed with the stack's key. */
    String prometheus(Component service) {
        String jwt = ServiceJwts.sign(
                stack, "client-fault-scenarios", List.of("ADMIN"), List.of(LoadDriver.PROGRAM), "FaultScenarios");
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.serviceUrl(service) + "/actuator/prometheus"))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + jwt)
                .GET()
                .build();
        try {
            HttpResponse<String> response =
                    HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode())
                    .as("GET %s /actuator/prometheus: %s", service.displayName(), response.body())
                    .isEqualTo(200);
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The sum of a metric's samples whose labels contain every one of {@code labels}, e.g. {@code topic="x"}. */
    static double metric(String scrape, String name, String... labels) {
        Pattern sample = Pattern.compile("^" + Pattern.quote(name) + "\\{([^}]*)\\} (\\S+)$", Pattern.MULTILINE);
        Matcher matcher = sample.matcher(scrape);
        double sum = 0;
        while (matcher.find()) {
            String found = matcher.group(1);
            if (List.of(labels).stream().allMatch(found::contains)) {
                sum += Double.parseDouble(matcher.group(2));
            }
        }
        return sum;
    }

    @Override
    public void close() {
        if (stack != null && owned) {
            stack.close();
        }
    }
}
