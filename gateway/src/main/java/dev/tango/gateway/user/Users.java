package dev.tango.gateway.user;

import dev.tango.events.UserId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Where users are kept. */
public interface Users {

    Mono<User> findById(UserId id);

    /** By normalized email; a scan on the embedded server, which is fine for sign-in rates. */
    Mono<User> findByEmail(String email);

    Flux<User> findAll();

    /** Stores a new user; fails with {@link EmailAlreadyUsedException} or {@link UserIdAlreadyUsedException}. */
    Mono<User> insert(User user);

    /** Stores a changed user, checking its version (optimistic locking). */
    Mono<User> update(User user);

    /** The email is used by another user. */
    class EmailAlreadyUsedException extends RuntimeException {
        public EmailAlreadyUsedException(String email) {
            super("The email " + email + " is already used by another user.");
        }
    }

    /** The id is used by another user. */
    class UserIdAlreadyUsedException extends RuntimeException {
        public UserIdAlreadyUsedException(UserId id) {
            super("The user id " + id + " is already used.");
        }
    }
}
