package dev.tango.gateway.ui;

import dev.tango.events.ProgramId;
import dev.tango.events.UserId;
import dev.tango.gateway.security.TangoPrincipal;
import dev.tango.gateway.security.TangoPrincipals;
import dev.tango.gateway.ui.client.SessionList;
import dev.tango.gateway.ui.client.SessionRow;
import dev.tango.gateway.ui.client.SessionsClient;
import dev.tango.gateway.user.Role;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The home page: one section per role of the signed-in person, each listing their sessions. */
@Controller
class HomePage {

    private final TangoPrincipals principals;
    private final SessionsClient sessions;

    HomePage(TangoPrincipals principals, SessionsClient sessions) {
        this.principals = principals;
        this.sessions = sessions;
    }

    @GetMapping("/")
    Mono<String> home(ServerWebExchange exchange, Model model) {
        return principals
                .current(exchange)
                .flatMap(me -> sections(me).collectList().map(list -> {
                    model.addAttribute("sections", list);
                    return "home";
                }));
    }

    private Flux<Section> sections(TangoPrincipal me) {
        List<Mono<Section>> sections = new ArrayList<>();
        if (me.hasRole(Role.STUDENT)) {
            sections.add(sessions.studentSessions(me, UserId.of(me.subject()))
                    .map(list -> new Section("student", "My practice sessions", list, chart(list))));
        }
        if (me.hasRole(Role.MENTOR)) {
            sections.add(sessions.mentorSessions(me, UserId.of(me.subject()))
                    .map(list -> new Section("mentor", "Sessions I mentor", list, null)));
        }
        if (me.hasRole(Role.ADMIN)) {
            me.programs().stream()
                    .map(ProgramId::value)
                    .sorted()
                    .forEach(program -> sections.add(sessions.programSessions(me, ProgramId.of(program))
                            .map(list -> new Section("admin", "Program " + program, list, null))));
            if (me.programs().isEmpty()) {
                sections.add(Mono.just(new Section(
                        "admin",
                        "Programs",
                        new SessionList(SessionList.State.EMPTY, List.of(), "You are not in any program yet."),
                        null)));
            }
        }
        return Flux.concat(sections);
    }

    /** Minutes per session for the student's chart; only sessions that have ended have a length. */
    private static Chart chart(SessionList list) {
        List<SessionRow> ended =
                list.rows().stream().filter(row -> row.durationMs() != null).toList();
        if (ended.size() < 2) {
            return null;
        }
        return new Chart(
                ended.stream()
                        .map(row -> row.when() == null
                                ? row.sessionId()
                                : row.when().toString().substring(0, 10))
                        .toList(),
                ended.stream().map(SessionRow::durationMinutes).toList());
    }

    /** A block of the home page. */
    record Section(String role, String title, SessionList sessions, Chart chart) {}

    /** Data for the Chart.js canvas: labels and values, written into data attributes. */
    record Chart(List<String> labels, List<Long> minutes) {}
}
