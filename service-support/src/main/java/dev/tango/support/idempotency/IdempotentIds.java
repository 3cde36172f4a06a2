package dev.tango.support.idempotency;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * Ids of what a keyed write creates, the same each time the write runs. {@link IdempotencyFilter} puts the caller's
 * subject and the {@code Idempotency-Key} of the request it executes into the Reactor context; a write that runs
 * again after its key was taken over (the first run stored its result but died before completing the key) then
 * derives the id of the first run and finds what it created instead of creating a second one.
 */
public final class IdempotentIds {

    /** The Reactor context key under which the request's scope (subject and key) travels. */
    public static final String CONTEXT_KEY = IdempotentIds.class.getName() + ".scope";

    private IdempotentIds() {}

    /**
     * The context a request with this caller, key and fingerprint ({@link RequestFingerprint#hex()}) runs in. The
     * fingerprint keeps a key reused for another request after its record expired from finding the first request's
     * result; a retry of the same request has the same fingerprint.
     */
    public static Context scope(String subject, String idempotencyKey, String fingerprint) {
        return Context.of(CONTEXT_KEY, subject + '\n' + idempotencyKey + '\n' + fingerprint);
    }

    /**
     * The id of the {@code kind} of thing (e.g. "comment") the current request creates: a name-based UUID of the
     * caller's subject, the Idempotency-Key, the request's fingerprint and the kind if the request carries a key;
     * {@code random} otherwise.
     */
    public static Mono<String> derive(String kind, Supplier<String> random) {
        return Mono.deferContextual(context -> Mono.just(derive(context, kind, random)));
    }

    static String derive(ContextView context, String kind, Supplier<String> random) {
        return context.<String>getOrEmpty(CONTEXT_KEY)
                .map(scope -> UUID.nameUUIDFromBytes((scope + '\n' + kind).getBytes(StandardCharsets.UTF_8))
                        .toString())
                .orElseGet(random);
    }
}
