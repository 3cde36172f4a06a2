package dev.tango.gateway.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per account and per client address in memory (Bucket4j): each failure takes a token, the
 * bucket refills over the window, and an empty bucket means throttled. The maps are bounded (least recently used
 * entries go first) so that a spray of made-up accounts cannot exhaust memory. One gateway instance: behind several
 * instances the limit applies per instance.
 */
@Component
public class LoginThrottle {

    private final LoginProperties properties;
    private final Map<String, Bucket> accounts;
    private final Map<String, Bucket> addresses;

    public LoginThrottle(LoginProperties properties) {
        this.properties = properties;
        this.accounts = boundedMap(properties.maxTracked());
        this.addresses = boundedMap(properties.maxTracked());
    }

    /** How long the caller must wait, or {@link Duration#ZERO} when an attempt may go ahead. */
    public Duration waitBeforeAttempt(String account, String address) {
        Duration accountWait = waitFor(accounts, account);
        Duration addressWait = waitFor(addresses, address);
        return accountWait.compareTo(addressWait) >= 0 ? accountWait : addressWait;
    }

    public void recordFailure(String account, String address) {
        accounts.computeIfAbsent(account, key -> bucket(properties.accountFailures(), properties.accountWindow()))
                .tryConsume(1);
        addresses
                .computeIfAbsent(address, key -> bucket(properties.addressFailures(), properties.addressWindow()))
                .tryConsume(1);
    }

    /** A successful sign-in forgives the account's earlier failures (not the address's). */
    public void recordSuccess(String account) {
        accounts.remove(account);
    }

    private static Duration waitFor(Map<String, Bucket> buckets, String key) {
        Bucket bucket = buckets.get(key);
        if (bucket == null || bucket.getAvailableTokens() > 0) {
            return Duration.ZERO;
        }
        return Duration.ofNanos(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill());
    }

    private static Bucket bucket(int failures, Duration window) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(failures)
                        .refillIntervally(failures, window)
                        .build())
                .build();
    }

    private static Map<String, Bucket> boundedMap(int maxEntries) {
        return Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > maxEntries;
            }
        });
    }
}
