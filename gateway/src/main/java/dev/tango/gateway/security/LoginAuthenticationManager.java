package dev.tango.gateway.security;

import dev.tango.gateway.user.User;
import dev.tango.gateway.user.Users;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Checks an email and password. A throttled account or address is refused before anything else, so a throttled
 * attempt never tests a password. Unknown emails cost a hash check too, so that timing does not tell which accounts
 * exist.
 */
public class LoginAuthenticationManager implements ReactiveAuthenticationManager {

    static final String BAD_CREDENTIALS = "The email or password is not correct.";

    private final Users users;
    private final PasswordEncoder passwordEncoder;
    private final LoginThrottle throttle;
    private final String dummyHash;
    private final Map<String, Counter> outcomes;

    public LoginAuthenticationManager(
            Users users, PasswordEncoder passwordEncoder, LoginThrottle throttle, MeterRegistry meters) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.throttle = throttle;
        this.dummyHash = passwordEncoder.encode("not-a-real-password-only-for-timing");
        this.outcomes = Map.of(
                "success", counter(meters, "success"),
                "failure", counter(meters, "failure"),
                "throttled", counter(meters, "throttled"),
                "deactivated", counter(meters, "deactivated"));
    }

    @Override
    public Mono<Authentication> authenticate(Authentication authentication) {
        LoginAttempt attempt = new LoginAttempt(
                User.normalizeEmail(authentication.getName()),
                String.valueOf(authentication.getCredentials()),
                String.valueOf(authentication.getDetails()));
        Duration wait = throttle.waitBeforeAttempt(attempt.email(), attempt.clientAddress());
        if (!wait.isZero()) {
            outcomes.get("throttled").increment();
            return Mono.error(new LoginThrottledException(wait));
        }
        return users.findByEmail(attempt.email())
                .flatMap(user -> matches(attempt.password(), user.passwordHash())
                        .filter(Boolean::booleanValue)
                        .map(ok -> user))
                .switchIfEmpty(
                        Mono.defer(() -> matches(attempt.password(), dummyHash).then(Mono.empty())))
                .switchIfEmpty(Mono.defer(() -> {
                    throttle.recordFailure(attempt.email(), attempt.clientAddress());
                    outcomes.get("failure").increment();
                    return Mono.error(new BadCredentialsException(BAD_CREDENTIALS));
                }))
                .flatMap(user -> {
                    if (!user.active()) {
                        outcomes.get("deactivated").increment();
                        return Mono.error(new DisabledException("This account is deactivated."));
                    }
                    throttle.recordSuccess(attempt.email());
                    outcomes.get("success").increment();
                    TangoPrincipal principal = TangoPrincipal.of(user);
                    return Mono.just(UsernamePasswordAuthenticationToken.authenticated(
                            principal, null, principal.authorities()));
                });
    }

    /** bcrypt is slow on purpose: keep it off the event loop. */
    private Mono<Boolean> matches(String password, String hash) {
        return Mono.fromCallable(() -> passwordEncoder.matches(password, hash))
                .subscribeOn(Schedulers.boundedElastic());
    }

    private static Counter counter(MeterRegistry meters, String outcome) {
        return Counter.builder("tango.gateway.logins")
                .description("Sign-in attempts by outcome")
                .tag("outcome", outcome)
                .register(meters);
    }
}
