package dev.tango.reliability;

import dev.tango.local.SharedStack;
import java.util.List;

/**
 * The whole platform that this module's test classes share in one test JVM ({@link SharedStack}): {@code
 * FaultSmokeIT} and {@code HostileInputIT} start one stack between them instead of one each. Its gateway runs with login throttle windows
 * short enough for {@code HostileInputIT} to watch the throttle recover; the other classes sign in once, correctly,
 * and never meet it. {@code FaultScenariosIT} restarts its whole stack and keeps its own.
 */
public final class ReliabilityStack {

    /** Login throttle windows short enough to watch it recover within the test (defaults: 15 min). */
    public static final List<String> THROTTLE_OPTIONS = List.of(
            "-Dtango.security.login.account-failures=5",
            "-Dtango.security.login.account-window=20s",
            "-Dtango.security.login.address-failures=20",
            "-Dtango.security.login.address-window=30s",
            // Every request each process answered, in its log: a request that got no answer is the one missing.
            "-Dreactor.netty.http.server.accessLogEnabled=true");

    private ReliabilityStack() {}

    /** For {@code @RegisterExtension static final SharedStack STACK = ReliabilityStack.shared();}. */
    public static SharedStack shared() {
        return SharedStack.withExtraJvmOptions(THROTTLE_OPTIONS);
    }
}
