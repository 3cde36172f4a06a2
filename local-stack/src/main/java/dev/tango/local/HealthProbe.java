package dev.tango.local;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.bson.Document;

/** Asks one component whether it is ready to serve. One attempt per {@link #isHealthy()} call, never blocking long. */
interface HealthProbe extends AutoCloseable {

    Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(2);

    boolean isHealthy();

    @Override
    default void close() {}

    static HealthProbe forComponent(Component component, String kafkaBootstrap, String mongoUri, int port) {
        return switch (component) {
            case KAFKA -> new KafkaProbe(kafkaBootstrap);
            case MONGO -> new MongoProbe(mongoUri, port);
            // Ready only after its startup runners, so the demo users exist once the gateway counts as up.
            case GATEWAY ->
                new HttpHealthProbe(URI.create("http://" + Ports.HOST + ":" + port + "/actuator/health/readiness"));
            default -> new HttpHealthProbe(URI.create("http://" + Ports.HOST + ":" + port + "/actuator/health"));
        };
    }

    /** The broker answers {@code describeCluster} with at least one node. */
    final class KafkaProbe implements HealthProbe {
        private final Admin admin;

        KafkaProbe(String bootstrap) {
            int timeout = (int) ATTEMPT_TIMEOUT.toMillis();
            admin = Admin.create(Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    bootstrap,
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                    timeout,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                    timeout,
                    AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG,
                    100,
                    AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG,
                    500,
                    AdminClientConfig.CLIENT_ID_CONFIG,
                    "tango-local-health"));
        }

        @Override
        public boolean isHealthy() {
            try {
                return !admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) ATTEMPT_TIMEOUT.toMillis()))
                        .nodes()
                        .get(ATTEMPT_TIMEOUT.toMillis() + 500, TimeUnit.MILLISECONDS)
                        .isEmpty();
            } catch (ExecutionException | TimeoutException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        @Override
        public void close() {
            admin.close(Duration.ofSeconds(1));
        }
    }

    /** The port accepts a TCP connection and the server answers {@code ping}. */
    final class MongoProbe implements HealthProbe {
        private final int port;
        private final MongoClient client;

        MongoProbe(String uri, int port) {
            this.port = port;
            this.client = MongoClients.create(MongoClientSettings.builder()
                    .applyConnectionString(new ConnectionString(uri))
                    .applyToClusterSettings(cluster ->
                            cluster.serverSelectionTimeout(ATTEMPT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS))
                    .applyToSocketSettings(
                            socket -> socket.connectTimeout((int) ATTEMPT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                                    .readTimeout((int) ATTEMPT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS))
                    .build());
        }

        @Override
        public boolean isHealthy() {
            // The cheap TCP check first, so the driver is not asked while nothing listens yet.
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(Ports.HOST, port), (int) ATTEMPT_TIMEOUT.toMillis());
            } catch (IOException e) {
                return false;
            }
            try {
                Document reply = client.getDatabase("admin").runCommand(new Document("ping", 1));
                return reply.get("ok") instanceof Number ok && ok.doubleValue() == 1.0;
            } catch (RuntimeException e) {
                return false;
            }
        }

        @Override
        public void close() {
            client.close();
        }
    }

    /** {@code GET /actuator/health} answers 200 with status UP. */
    final class HttpHealthProbe implements HealthProbe {
        private final URI uri;
        private final HttpClient http =
                HttpClient.newBuilder().connectTimeout(ATTEMPT_TIMEOUT).build();

        HttpHealthProbe(URI uri) {
            this.uri = uri;
        }

        @Override
        public boolean isHealthy() {
            HttpRequest request =
                    HttpRequest.newBuilder(uri).timeout(ATTEMPT_TIMEOUT).GET().build();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                return response.statusCode() == 200
                        && response.body().replace(" ", "").contains("\"status\":\"UP\"");
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
