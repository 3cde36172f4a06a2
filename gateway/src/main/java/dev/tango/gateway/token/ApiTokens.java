package dev.tango.gateway.token;

import dev.tango.events.UserId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Where API tokens are kept: looked up by hash on every API call, so the hash is the key. */
public interface ApiTokens {

    Mono<ApiToken> findByHash(String hash);

    Mono<ApiToken> findById(String id);

    Flux<ApiToken> findAll();

    /** The personal tokens of one user, newest first. */
    Flux<ApiToken> findByUser(UserId user);

    Mono<ApiToken> insert(ApiToken token);

    Mono<ApiToken> update(ApiToken token);
}
