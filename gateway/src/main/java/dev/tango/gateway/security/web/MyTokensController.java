package dev.tango.gateway.security.web;

import dev.tango.events.UserId;
import dev.tango.gateway.security.TangoPrincipal;
import dev.tango.gateway.security.TangoPrincipals;
import dev.tango.gateway.token.ApiTokenService;
import dev.tango.gateway.token.web.IssuedTokenView;
import dev.tango.gateway.token.web.TokenView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Personal API tokens, self-service: every signed-in user can issue, list and revoke tokens that act as themselves,
 * e.g. a mentor scripting observations. Only from a signed-in browser session: a token cannot mint further tokens,
 * so a leaked token cannot outlive its own revocation. Users of an external OpenID Connect provider have no Tango
 * account for a token to act as, and are refused. It lives with {@code /api/me} in security's web package: the token
 * feature does not know who is signed in.
 */
@RestController
@RequestMapping("/api/me/tokens")
@Tag(name = "My API tokens", description = "Personal bearer tokens that act as the signed-in user")
public class MyTokensController {

    private final ApiTokenService tokens;
    private final TangoPrincipals principals;

    public MyTokensController(ApiTokenService tokens, TangoPrincipals principals) {
        this.tokens = tokens;
        this.principals = principals;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue a personal token for yourself; the plaintext is in the answer only")
    public Mono<IssuedTokenView> issue(@Valid @RequestBody IssueOwnTokenRequest request, ServerWebExchange exchange) {
        return signedInUser(exchange)
                .flatMap(user -> tokens.issueOwn(request.name().trim(), user, request.expiresAt()))
                .map(IssuedTokenView.at(tokens.now()));
    }

    @GetMapping
    @Operation(summary = "Your personal tokens, newest first, with their status")
    public Flux<TokenView> list(ServerWebExchange exchange) {
        return signedInUser(exchange).flatMapMany(tokens::listOf).map(token -> TokenView.of(token, tokens.now()));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Revoke one of your personal tokens: it answers 401 from now on")
    public Mono<TokenView> revoke(@PathVariable String id, ServerWebExchange exchange) {
        return signedInUser(exchange)
                .flatMap(user -> tokens.revokeOwn(user, id))
                .map(token -> TokenView.of(token, tokens.now()));
    }

    private Mono<UserId> signedInUser(ServerWebExchange exchange) {
        return principals
                .current(exchange)
                .flatMap(principal -> principal.kind() == TangoPrincipal.Kind.USER
                        ? Mono.just(UserId.of(principal.subject()))
                        : Mono.error(new ResponseStatusException(
                                HttpStatus.FORBIDDEN,
                                principal.kind() == TangoPrincipal.Kind.OIDC_USER
                                        ? "Personal tokens act as a Tango account; users of the external sign-in have none."
                                        : "Personal tokens are issued from a signed-in session, not with a token.")));
    }
}
