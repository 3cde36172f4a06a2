package dev.tango.gateway.ui;

import dev.tango.events.UserId;
import dev.tango.gateway.problem.InvalidRequestException;
import dev.tango.gateway.problem.NotFoundException;
import dev.tango.gateway.security.TangoPrincipal;
import dev.tango.gateway.security.TangoPrincipals;
import dev.tango.gateway.token.ApiToken;
import dev.tango.gateway.token.ApiTokenService;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * "API tokens" for every signed-in user with a Tango account: issue a personal token (shown once), see one's tokens
 * with their status, revoke one. The page behind {@code /api/me/tokens}, for people who script against the API, e.g. a
 * mentor recording observations from a tool of their own.
 */
@Controller
@RequestMapping("/account/tokens")
class AccountTokensPage {

    /** Lifetimes offered, in days; the API allows any expiry up to a year. */
    static final List<Integer> LIFETIMES = List.of(7, 30, 90, 365);

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final ApiTokenService tokens;
    private final TangoPrincipals principals;

    AccountTokensPage(ApiTokenService tokens, TangoPrincipals principals) {
        this.tokens = tokens;
        this.principals = principals;
    }

    @GetMapping
    Mono<String> page(ServerWebExchange exchange, Model model) {
        return account(exchange).flatMap(user -> render(model, user, null, null, null, ""));
    }

    @PostMapping
    Mono<String> issue(ServerWebExchange exchange, Model model) {
        return account(exchange)
                .flatMap(user -> exchange.getFormData().flatMap(data -> {
                    String name = data.getFirst("name") == null
                            ? ""
                            : data.getFirst("name").strip();
                    int days = lifetime(data.getFirst("days"));
                    if (name.isEmpty() || name.length() > 100) {
                        return render(model, user, null, null, "Give the token a name of 1 to 100 characters.", name);
                    }
                    return tokens.issueOwn(name, user, tokens.now().plus(Duration.ofDays(days)))
                            .flatMap(issued ->
                                    render(model, user, issued.plaintext(), "Token “" + name + "” issued.", null, ""))
                            .onErrorResume(
                                    InvalidRequestException.class,
                                    e -> render(model, user, null, null, e.getMessage(), name));
                }));
    }

    @PostMapping("/{id}/revoke")
    Mono<String> revoke(@PathVariable String id, ServerWebExchange exchange, Model model) {
        return account(exchange)
                .flatMap(user -> tokens.revokeOwn(user, id)
                        .flatMap(token -> render(model, user, null, "Token “" + token.name() + "” revoked.", null, ""))
                        .onErrorMap(NotFoundException.class, e -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
    }

    private Mono<String> render(
            Model model, UserId user, String plaintext, String notice, String error, String typedName) {
        Instant now = tokens.now();
        return tokens.listOf(user)
                .map(token -> TokenRow.of(token, now))
                .collectList()
                .map(rows -> {
                    model.addAttribute("tokens", rows);
                    model.addAttribute("plaintext", plaintext);
                    model.addAttribute("notice", notice);
                    model.addAttribute("error", error);
                    model.addAttribute("typedName", typedName);
                    model.addAttribute("lifetimes", LIFETIMES);
                    return "account/tokens";
                });
    }

    private Mono<UserId> account(ServerWebExchange exchange) {
        return principals
                .current(exchange)
                .flatMap(principal -> principal.kind() == TangoPrincipal.Kind.USER
                        ? Mono.just(UserId.of(principal.subject()))
                        : Mono.error(new ResponseStatusException(
                                HttpStatus.FORBIDDEN,
                                "Personal tokens act as a Tango account; this sign-in has none.")));
    }

    private static int lifetime(String days) {
        try {
            int value = Integer.parseInt(days == null ? "" : days.strip());
            return LIFETIMES.contains(value) ? value : 90;
        } catch (NumberFormatException e) {
            return 90;
        }
    }

    /** One token as the table shows it. */
    record TokenRow(String id, String name, String issuedAt, String expiresAt, String status, boolean active) {
        static TokenRow of(ApiToken token, Instant now) {
            ApiToken.Status status = token.statusAt(now);
            return new TokenRow(
                    token.id(),
                    token.name(),
                    DAY.format(token.issuedAt()),
                    DAY.format(token.expiresAt()),
                    status.name().toLowerCase(Locale.ROOT),
                    status == ApiToken.Status.ACTIVE);
        }
    }
}
