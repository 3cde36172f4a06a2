package dev.tango.support.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * A service gives up on an unreachable database within about a second instead of the driver's 30 s, so that a
 * request during an outage can answer 503 at once (the reliability suite asks for 503 within 2 s).
 */
class TangoMongoTimeoutsTest {

    private final MongoClientSettingsBuilderCustomizer timeouts =
            new TangoMongoAutoConfiguration().tangoMongoTimeouts(new TangoMongoProperties(null, null));

    @Test
    void defaultsToOneSecondToSelectAServerAndToConnect() {
        MongoClientSettings.Builder builder = MongoClientSettings.builder();
        timeouts.customize(builder);
        MongoClientSettings settings = builder.build();

        assertThat(settings.getClusterSettings().getServerSelectionTimeout(TimeUnit.MILLISECONDS))
                .isEqualTo(1_000);
        assertThat(settings.getSocketSettings().getConnectTimeout(TimeUnit.MILLISECONDS))
                .isEqualTo(1_000);
    }

    @Test
    void aTimeoutInTheConnectionStringStillWins() {
        MongoClientSettings.Builder builder = MongoClientSettings.builder();
        timeouts.customize(builder);
        // Boot's own customizer applies the connection string after ours.
        builder.applyConnectionString(
                new ConnectionString("mongodb://127.0.0.1:1/?serverSelectionTimeoutMS=7000&connectTimeoutMS=3000"));
        MongoClientSettings settings = builder.build();

        assertThat(settings.getClusterSettings().getServerSelectionTimeout(TimeUnit.MILLISECONDS))
                .isEqualTo(7_000);
        assertThat(settings.getSocketSettings().getConnectTimeout(TimeUnit.MILLISECONDS))
                .isEqualTo(3_000);
    }

    @Test
    void anOperationFailsWithinTwoSecondsOnceTheServerIsGone() {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        MongoClientSettings.Builder builder = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(
                        "mongodb://127.0.0.1:" + server.getLocalAddress().getPort()));
        timeouts.customize(builder);
        try (MongoClient client = MongoClients.create(builder.build())) {
            Mono<Document> ping = Mono.from(client.getDatabase("timeouts").runCommand(new Document("ping", 1)));
            StepVerifier.create(ping).expectNextCount(1).verifyComplete();

            server.shutdownNow();

            long begin = System.nanoTime();
            StepVerifier.create(ping).expectError().verify(Duration.ofSeconds(10));
            assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(2));
        } finally {
            server.shutdownNow();
        }
    }
}
