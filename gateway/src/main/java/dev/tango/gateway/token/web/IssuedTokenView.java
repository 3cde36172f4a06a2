package dev.tango.gateway.token.web;

import dev.tango.gateway.token.IssuedToken;
import java.time.Instant;
import java.util.function.Function;

/** The answer to POST /api/tokens and /api/me/tokens: the plaintext {@code token} is shown this once. */
public record IssuedTokenView(TokenView details, String token) {

    static Function<IssuedToken, IssuedTokenView> at(Instant now) {
        return issued -> new IssuedTokenView(TokenView.of(issued.token(), now), issued.plaintext());
    }
}
