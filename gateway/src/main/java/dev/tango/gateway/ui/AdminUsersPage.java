package dev.tango.gateway.ui;

import dev.tango.events.Ids;
import dev.tango.events.ProgramId;
import dev.tango.events.UserId;
import dev.tango.gateway.problem.ConflictException;
import dev.tango.gateway.problem.ForbiddenException;
import dev.tango.gateway.problem.InvalidRequestException;
import dev.tango.gateway.problem.NotFoundException;
import dev.tango.gateway.user.AdminScope;
import dev.tango.gateway.user.NewUser;
import dev.tango.gateway.user.Role;
import dev.tango.gateway.user.User;
import dev.tango.gateway.user.UserChanges;
import dev.tango.gateway.user.UserService;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * User administration (ADMIN, within the admin's programs as {@link AdminScope} says; a platform admin: everyone):
 * list, create, edit roles and programs, deactivate. Forms post normally and, with
 * htmx, swap only the part that changed; CSRF tokens travel as a hidden field and as the htmx header.
 */
@Controller
@RequestMapping("/admin/users")
class AdminUsersPage {

    private final UserService users;

    AdminUsersPage(UserService users) {
        this.users = users;
    }

    @GetMapping
    Mono<String> list(Model model, AdminScope scope) {
        return panel(model, scope, UserForm.blank(), Map.of(), null);
    }

    @PostMapping
    Mono<String> create(ServerWebExchange exchange, Model model, AdminScope scope) {
        return exchange.getFormData().flatMap(data -> {
            UserForm form = UserForm.from(data);
            Map<String, String> errors = form.typedIdErrors(true);
            Mono<User> created = errors.isEmpty()
                    ? users.create(
                            scope,
                            new NewUser(
                                    form.id().isBlank() ? null : UserId.of(form.id()),
                                    form.displayName(),
                                    form.email(),
                                    form.roleSet(),
                                    form.programSet(),
                                    form.password()))
                    : Mono.error(new InvalidRequestException(errors.entrySet().stream()
                            .map(e -> new InvalidRequestException.FieldViolation(e.getKey(), e.getValue()))
                            .toList()));
            return created.flatMap(user ->
                            panel(model, scope, UserForm.blank(), Map.of(), "Created " + user.displayName() + "."))
                    .onErrorResume(InvalidRequestException.class, e -> panel(model, scope, form, errors(e), null))
                    .onErrorResume(
                            ConflictException.class,
                            e -> panel(model, scope, form, Map.of("email", e.getMessage()), null))
                    .onErrorResume(ForbiddenException.class, e -> panel(model, scope, form, errors(e), null))
                    .map(view -> isHtmx(exchange) ? "admin/users :: panel" : view);
        });
    }

    @GetMapping("/{id}")
    Mono<String> edit(@PathVariable UserId id, Model model, AdminScope scope) {
        return users.get(scope, id)
                .onErrorMap(NotFoundException.class, e -> new ResponseStatusException(HttpStatus.NOT_FOUND))
                .map(user -> editor(model, scope, user, UserForm.of(user), Map.of(), null));
    }

    @PostMapping("/{id}")
    Mono<String> update(@PathVariable UserId id, ServerWebExchange exchange, Model model, AdminScope scope) {
        return exchange.getFormData().flatMap(data -> {
            UserForm form = UserForm.from(data);
            Map<String, String> errors = form.typedIdErrors(false);
            Mono<User> updated = errors.isEmpty()
                    ? users.update(
                            scope,
                            id,
                            new UserChanges(
                                    form.displayName(),
                                    form.email(),
                                    form.roleSet(),
                                    form.programSet(),
                                    form.password().isBlank() ? null : form.password(),
                                    null))
                    : Mono.error(new InvalidRequestException(errors.entrySet().stream()
                            .map(e -> new InvalidRequestException.FieldViolation(e.getKey(), e.getValue()))
                            .toList()));
            String view = isHtmx(exchange) ? "admin/user :: editor" : "admin/user";
            return updated.map(user -> editor(model, scope, user, UserForm.of(user), Map.of(), "Saved."))
                    .onErrorResume(
                            InvalidRequestException.class,
                            e -> users.get(scope, id).map(user -> editor(model, scope, user, form, errors(e), null)))
                    .onErrorResume(
                            ConflictException.class,
                            e -> users.get(scope, id)
                                    .map(user ->
                                            editor(model, scope, user, form, Map.of("email", e.getMessage()), null)))
                    .onErrorResume(
                            ForbiddenException.class,
                            e -> users.get(scope, id).map(user -> editor(model, scope, user, form, errors(e), null)))
                    .onErrorMap(NotFoundException.class, e -> new ResponseStatusException(HttpStatus.NOT_FOUND))
                    .thenReturn(view);
        });
    }

    @PostMapping("/{id}/deactivate")
    Mono<String> deactivate(@PathVariable UserId id, ServerWebExchange exchange, Model model, AdminScope scope) {
        return users.deactivate(scope, id)
                .onErrorMap(NotFoundException.class, e -> new ResponseStatusException(HttpStatus.NOT_FOUND))
                .onErrorMap(
                        ForbiddenException.class,
                        e -> new ResponseStatusException(HttpStatus.FORBIDDEN, e.getMessage()))
                .map(user -> {
                    model.addAttribute("u", UserRow.of(user, scope));
                    return isHtmx(exchange) ? "admin/users :: row" : "redirect:/admin/users";
                });
    }

    private Mono<String> panel(
            Model model, AdminScope scope, UserForm form, Map<String, String> errors, String notice) {
        return users.list(scope).collectList().map(all -> {
            model.addAttribute(
                    "users", all.stream().map(user -> UserRow.of(user, scope)).toList());
            model.addAttribute("roles", offered(scope));
            model.addAttribute("platformAdmin", scope.platform());
            model.addAttribute("form", form);
            model.addAttribute("errors", errors);
            model.addAttribute("notice", notice);
            return "admin/users";
        });
    }

    private static String editor(
            Model model, AdminScope scope, User user, UserForm form, Map<String, String> errors, String notice) {
        model.addAttribute("user", user);
        model.addAttribute("manageable", scope.manages(user));
        model.addAttribute("roles", offered(scope));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("notice", notice);
        return "admin/user";
    }

    /** The roles the admin can give: PLATFORM_ADMIN only by a platform admin. */
    private static List<Role> offered(AdminScope scope) {
        return Arrays.stream(Role.values())
                .filter(role -> scope.platform() || role != Role.PLATFORM_ADMIN)
                .toList();
    }

    private static Map<String, String> errors(ForbiddenException e) {
        return Map.of(e.field() == null ? "programs" : e.field(), e.getMessage());
    }

    private static Map<String, String> errors(InvalidRequestException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.violations().forEach(v -> errors.merge(v.field(), v.message(), (a, b) -> a + "; " + b));
        return errors;
    }

    private static boolean isHtmx(ServerWebExchange exchange) {
        return "true".equals(exchange.getRequest().getHeaders().getFirst("HX-Request"));
    }

    /** A user as the table shows it; {@code manageable}: the admin may change and deactivate them. */
    record UserRow(
            String id,
            String displayName,
            String email,
            String roles,
            String programs,
            boolean active,
            boolean manageable) {
        static UserRow of(User user, AdminScope scope) {
            return new UserRow(
                    user.id().value(),
                    user.displayName(),
                    user.email(),
                    user.roles().stream().map(Role::name).sorted().collect(Collectors.joining(", ")),
                    user.programs().stream().map(ProgramId::value).sorted().collect(Collectors.joining(", ")),
                    user.active(),
                    scope.manages(user));
        }
    }

    /** The user form as typed, so that a refused form comes back with what was entered (never the password). */
    record UserForm(String id, String displayName, String email, List<String> roles, String programs, String password) {

        static UserForm blank() {
            return new UserForm("", "", "", List.of(), "", "");
        }

        static UserForm of(User user) {
            return new UserForm(
                    user.id().value(),
                    user.displayName(),
                    user.email(),
                    user.roles().stream().map(Role::name).sorted().toList(),
                    user.programs().stream().map(ProgramId::value).sorted().collect(Collectors.joining(", ")),
                    "");
        }

        static UserForm from(MultiValueMap<String, String> data) {
            return new UserForm(
                    bounded(data.getFirst("id"), 64),
                    bounded(data.getFirst("displayName"), 200),
                    bounded(data.getFirst("email"), 300),
                    data.getOrDefault("roles", List.of()).stream()
                            .limit(Role.values().length)
                            .toList(),
                    bounded(data.getFirst("programs"), 4000),
                    bounded(data.getFirst("password"), 200));
        }

        Map<String, String> typedIdErrors(boolean checkId) {
            Map<String, String> errors = new LinkedHashMap<>();
            if (checkId && !id.isBlank() && !Ids.isValid(id)) {
                errors.put("id", "letters, digits, '.', '_', ':' or '-', at most 64, starting with a letter or digit");
            }
            if (!roles.stream()
                    .allMatch(role -> Arrays.stream(Role.values())
                            .anyMatch(known -> known.name().equals(role)))) {
                errors.put("roles", "unknown role");
            }
            if (!programList().stream().allMatch(Ids::isValid)) {
                errors.put("programs", "program ids are letters, digits, '.', '_', ':' or '-', separated by commas");
            }
            return errors;
        }

        Set<Role> roleSet() {
            return roles.stream().map(Role::valueOf).collect(Collectors.toSet());
        }

        Set<ProgramId> programSet() {
            return programList().stream().map(ProgramId::of).collect(Collectors.toSet());
        }

        public boolean hasRole(String role) {
            return roles.contains(role);
        }

        private List<String> programList() {
            return Arrays.stream(programs.split("[,\\s]+"))
                    .map(String::trim)
                    .filter(value -> !value.isEmpty())
                    .distinct()
                    .toList();
        }

        private static String bounded(String value, int max) {
            if (value == null) {
                return "";
            }
            String trimmed = value.trim();
            return trimmed.length() > max ? trimmed.substring(0, max) : trimmed;
        }
    }
}
