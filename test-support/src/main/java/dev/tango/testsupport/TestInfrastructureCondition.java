package dev.tango.testsupport;

import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * Runs a test on the infrastructure the switch asks for, or skips it visibly: under
 * {@code -Dtango.test.infra=containers} on a machine where no Docker engine answers, the test is reported as skipped
 * with the reason (never silently run on the embedded servers instead, never failed). Part of
 * {@link ServiceIntegrationTest}; tests without a Spring context that use {@link TestInfrastructure} extend with it.
 */
public class TestInfrastructureCondition implements ExecutionCondition {

    private static final Logger log = LoggerFactory.getLogger(TestInfrastructureCondition.class);

    private static volatile boolean reported;

    private final BooleanSupplier dockerAvailable;

    public TestInfrastructureCondition() {
        this(() -> DockerClientFactory.instance().isDockerAvailable());
    }

    TestInfrastructureCondition(BooleanSupplier dockerAvailable) {
        this.dockerAvailable = dockerAvailable;
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return evaluate(InfrastructureMode.current());
    }

    ConditionEvaluationResult evaluate(InfrastructureMode mode) {
        if (mode == InfrastructureMode.EMBEDDED) {
            return ConditionEvaluationResult.enabled("embedded Kafka broker and MongoDB-protocol server");
        }
        if (dockerAvailable.getAsBoolean()) {
            return ConditionEvaluationResult.enabled(
                    "real " + ContainerInfrastructure.KAFKA_IMAGE.asCanonicalNameString() + " and "
                            + ContainerInfrastructure.MONGO_IMAGE.asCanonicalNameString() + " containers");
        }
        String reason = InfrastructureMode.PROPERTY + "=" + mode.value()
                + " asks for real apache/kafka and mongo containers, but Docker is not available on this machine";
        if (!reported) {
            reported = true;
            log.warn("Skipping every integration test of this JVM: {}", reason);
        }
        return ConditionEvaluationResult.disabled(reason);
    }
}
