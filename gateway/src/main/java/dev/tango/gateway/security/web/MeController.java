package dev.tango.gateway.security.web;

import dev.tango.events.ProgramId;
import dev.tango.gateway.security.TangoPrincipal;
import dev.tango.gateway.security.TangoPrincipals;
import dev.tango.gateway.user.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "Me", description = "The current caller")
public class MeController {

    private final TangoPrincipals principals;

    public MeController(TangoPrincipals principals) {
        this.principals = principals;
    }

    @GetMapping("/api/me")
    @Operation(summary = "Who you are: id, name, roles and programs, and how you signed in")
    public Mono<Me> me(ServerWebExchange exchange) {
        return principals.current(exchange).map(Me::of);
    }

    /** The caller. */
    public record Me(String id, String name, List<Role> roles, List<String> programs, TangoPrincipal.Kind kind) {
        static Me of(TangoPrincipal principal) {
            return new Me(
                    principal.subject(),
                    principal.displayName(),
                    principal.roles().stream().sorted().toList(),
                    principal.programs().stream().map(ProgramId::value).sorted().toList(),
                    principal.kind());
        }
    }
}
