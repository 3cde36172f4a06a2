package dev.tango.gateway.token.web;

import dev.tango.events.ProgramId;
import dev.tango.events.UserId;
import dev.tango.gateway.token.ApiTokenService;
import dev.tango.gateway.token.IssuedToken;
import dev.tango.gateway.user.AdminScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/tokens")
@Tag(
        name = "API tokens",
        description = "Admin only, within the admin's programs: bearer tokens for API clients, and personal tokens"
                + " that act as a user")
public class TokenController {

    private final ApiTokenService tokens;

    public TokenController(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Issue a token; the plaintext is in the answer only, the gateway keeps its SHA-256 hash",
            description = "With role (and programs): a client token, appearing as client-<id>. With user: a personal"
                    + " token acting as that user, with their roles, programs and assignments as they are at each"
                    + " call; it stops working when the user is deactivated. An admin of some programs issues client"
                    + " tokens only for their programs (403 otherwise) and personal tokens only for the users they"
                    + " manage; a platform admin for any.")
    public Mono<IssuedTokenView> issue(
            @Valid @RequestBody IssueTokenRequest request,
            Principal admin,
            @Parameter(hidden = true) AdminScope scope) {
        request.checkKind();
        String name = request.name().trim();
        Mono<IssuedToken> issued;
        if (request.user() != null) {
            issued = tokens.issuePersonal(scope, name, UserId.of(request.user()), request.expiresAt(), admin.getName());
        } else {
            Set<ProgramId> programs = request.programs() == null
                    ? Set.of()
                    : request.programs().stream().map(ProgramId::of).collect(Collectors.toSet());
            issued = tokens.issue(scope, name, request.role(), programs, request.expiresAt(), admin.getName());
        }
        return issued.map(IssuedTokenView.at(tokens.now()));
    }

    @GetMapping
    @Operation(summary = "List the tokens you manage, newest first, with their status")
    public Flux<TokenView> list(@Parameter(hidden = true) AdminScope scope) {
        return tokens.list(scope).map(token -> TokenView.of(token, tokens.now()));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Revoke a token you manage: it answers 401 from now on; any other is 404")
    public Mono<TokenView> revoke(@PathVariable String id, @Parameter(hidden = true) AdminScope scope) {
        return tokens.revoke(scope, id).map(token -> TokenView.of(token, tokens.now()));
    }
}
