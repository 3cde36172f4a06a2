package dev.tango.gateway.user.web;

import dev.tango.events.ProgramId;
import dev.tango.events.UserId;
import dev.tango.gateway.user.AdminScope;
import dev.tango.gateway.user.NewUser;
import dev.tango.gateway.user.UserChanges;
import dev.tango.gateway.user.UserService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/users")
@Tag(name = "Users", description = "Admin only, within the admin's programs: people, their roles and programs")
public class UserController {

    private final UserService users;

    public UserController(UserService users) {
        this.users = users;
    }

    @GetMapping
    @Operation(summary = "List the users who share a program with you (a platform admin: all users)")
    public Flux<UserView> list(@Parameter(hidden = true) AdminScope scope) {
        return users.list(scope).map(UserView::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One user who shares a program with you; any other is 404")
    public Mono<UserView> get(@PathVariable UserId id, @Parameter(hidden = true) AdminScope scope) {
        return users.get(scope, id).map(UserView::of);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Create a user; the password is stored only as a hash. 409 if the email is used",
            description = "An admin of some programs gives only their own programs (at least one) and never"
                    + " PLATFORM_ADMIN: 403 otherwise. A platform admin gives any.")
    public Mono<UserView> create(
            @Valid @RequestBody CreateUserRequest request, @Parameter(hidden = true) AdminScope scope) {
        return users.create(
                        scope,
                        new NewUser(
                                request.id() == null ? null : UserId.of(request.id()),
                                request.displayName(),
                                request.email(),
                                request.roles(),
                                programs(request.programs()),
                                request.password()))
                .map(UserView::of);
    }

    @PatchMapping("/{id}")
    @Operation(
            summary = "Change name, email, roles, programs, password or active flag",
            description = "Only a user all of whose programs are yours (404 if they share none with you, 403 if they"
                    + " are also in another program or a platform admin), and only to your own programs (403).")
    public Mono<UserView> update(
            @PathVariable UserId id,
            @Valid @RequestBody UpdateUserRequest request,
            @Parameter(hidden = true) AdminScope scope) {
        return users.update(
                        scope,
                        id,
                        new UserChanges(
                                request.displayName(),
                                request.email(),
                                request.roles(),
                                request.programs() == null ? null : programs(request.programs()),
                                request.password(),
                                request.active()))
                .map(UserView::of);
    }

    @PostMapping("/{id}/deactivate")
    @Operation(
            summary = "Deactivate a user: no more sign-ins, no new service tokens",
            description = "Only a user you manage, as for PATCH.")
    public Mono<UserView> deactivate(@PathVariable UserId id, @Parameter(hidden = true) AdminScope scope) {
        return users.deactivate(scope, id).map(UserView::of);
    }

    private static Set<ProgramId> programs(Set<String> values) {
        return values == null ? Set.of() : values.stream().map(ProgramId::of).collect(Collectors.toSet());
    }
}
