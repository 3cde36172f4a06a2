package dev.tango.gateway.ui;

import dev.tango.events.Ids;
import dev.tango.events.ProgramId;
import dev.tango.gateway.security.TangoPrincipal;
import dev.tango.gateway.security.TangoPrincipals;
import dev.tango.gateway.ui.client.ProgramRubric;
import dev.tango.gateway.ui.client.RubricCall;
import dev.tango.gateway.ui.client.RubricList;
import dev.tango.gateway.ui.client.RubricVersion;
import dev.tango.gateway.ui.client.RubricsClient;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Rubric administration (ADMIN): the rubrics and their versions, one version in full, publishing a draft, starting the
 * next draft, importing a rubric (every problem listed), exporting one, and choosing the rubric each of the admin's
 * programs uses. Everything is read and done through scoring-service with the admin's service token, which decides
 * what they may see and do; its refusals are shown as they come. Forms post normally and, with htmx, swap only the part
 * that changed.
 */
@Controller
@RequestMapping("/admin/rubrics")
class AdminRubricsPage {

    /** The rubric id rule of scoring-service: anything else names no rubric, so it is not asked. */
    private static final Pattern RUBRIC_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    /** The gateway reads at most 256 KB of form data, and URL encoding makes a text longer. */
    static final int MAX_IMPORT_CHARACTERS = 150_000;

    private final TangoPrincipals principals;
    private final RubricsClient rubrics;

    AdminRubricsPage(TangoPrincipals principals, RubricsClient rubrics) {
        this.principals = principals;
        this.rubrics = rubrics;
    }

    // ---- the list, the import and the programs' choices

    @GetMapping
    Mono<String> list(ServerWebExchange exchange, Model model) {
        return principals
                .current(exchange)
                .flatMap(me -> listPage(model, me, ImportForm.blank(), Feedback.none(), Feedback.none()));
    }

    @PostMapping("/import")
    Mono<String> importRubric(ServerWebExchange exchange, Model model) {
        boolean htmx = isHtmx(exchange);
        return principals
                .current(exchange)
                .flatMap(me -> exchange.getFormData().flatMap(data -> {
                    ImportForm form = ImportForm.from(data);
                    List<String> problems = form.problems(me);
                    if (!problems.isEmpty()) {
                        return importRefused(
                                model,
                                me,
                                form,
                                new Feedback(false, "Nothing was imported: please correct the form.", problems),
                                htmx);
                    }
                    return rubrics.importRubric(me, ProgramId.of(form.programId()), form.rubricId(), form.content())
                            .flatMap(result -> {
                                if (!result.isOk()) {
                                    return importRefused(
                                            model,
                                            me,
                                            form,
                                            Feedback.failed("Nothing was imported.", result, "the rubric"),
                                            htmx);
                                }
                                String target = versionPath(
                                        result.value().rubricId(),
                                        result.value().version());
                                if (!htmx) {
                                    return Mono.just("redirect:" + target);
                                }
                                // htmx follows this header with a full page load of the new draft.
                                exchange.getResponse().getHeaders().set("HX-Redirect", target);
                                importPanel(model, me, ImportForm.blank(), Feedback.done("Imported."));
                                return Mono.just("admin/rubrics :: import");
                            });
                }));
    }

    private Mono<String> importRefused(
            Model model, TangoPrincipal me, ImportForm form, Feedback feedback, boolean htmx) {
        if (htmx) {
            importPanel(model, me, form, feedback);
            return Mono.just("admin/rubrics :: import");
        }
        return listPage(model, me, form, feedback, Feedback.none());
    }

    private static void importPanel(Model model, TangoPrincipal me, ImportForm form, Feedback feedback) {
        model.addAttribute("importForm", form);
        model.addAttribute("importFeedback", feedback);
        model.addAttribute("adminPrograms", adminPrograms(me));
        model.addAttribute("maxImportCharacters", MAX_IMPORT_CHARACTERS);
    }

    @PostMapping("/assign")
    Mono<String> assign(ServerWebExchange exchange, Model model) {
        return principals
                .current(exchange)
                .flatMap(me -> exchange.getFormData().flatMap(data -> {
                    String program = bounded(data.getFirst("programId"), 64);
                    String choice = bounded(data.getFirst("rubric"), 80);
                    int colon = choice.lastIndexOf(':');
                    String rubricId = colon < 0 ? "" : choice.substring(0, colon);
                    int version = colon < 0 ? 0 : parseVersion(choice.substring(colon + 1));
                    if (!me.programs().contains(programOrNull(program))
                            || !RUBRIC_ID.matcher(rubricId).matches()
                            || version < 1) {
                        return listPage(
                                model,
                                me,
                                ImportForm.blank(),
                                Feedback.none(),
                                new Feedback(
                                        false,
                                        "The rubric was not changed: choose one of your programs and a published"
                                                + " version.",
                                        List.of()));
                    }
                    return rubrics.assign(me, ProgramId.of(program), rubricId, version)
                            .flatMap(result -> listPage(
                                    model,
                                    me,
                                    ImportForm.blank(),
                                    Feedback.none(),
                                    result.isOk()
                                            ? Feedback.done("Program " + program + " now uses "
                                                    + result.value().current().name() + " (" + rubricId + " v"
                                                    + version + ").")
                                            : Feedback.failed(
                                                    "The rubric of program " + program + " was not changed.",
                                                    result,
                                                    "that rubric version")));
                }));
    }

    private Mono<String> listPage(
            Model model, TangoPrincipal me, ImportForm form, Feedback importFeedback, Feedback assignFeedback) {
        return rubrics.list(me)
                .flatMap(list -> Flux.fromIterable(adminPrograms(me))
                        .concatMap(program -> rubrics.programRubric(me, ProgramId.of(program))
                                .map(inUse -> new ProgramChoice(
                                        program,
                                        inUse,
                                        list.isOk() ? list.value().assignableTo(program) : List.of())))
                        .collectList()
                        .map(programs -> {
                            model.addAttribute("rubrics", list);
                            model.addAttribute("programs", programs);
                            model.addAttribute("assignFeedback", assignFeedback);
                            importPanel(model, me, form, importFeedback);
                            return "admin/rubrics";
                        }));
    }

    // ---- one version

    @GetMapping("/{rubricId}/versions/{version}")
    Mono<String> version(
            @PathVariable String rubricId, @PathVariable String version, ServerWebExchange exchange, Model model) {
        int number = parseVersion(version);
        return principals
                .current(exchange)
                .flatMap(me -> lookup(me, rubricId, number)
                        .flatMap(found -> versionPage(exchange, model, me, found, Feedback.none())));
    }

    @PostMapping("/{rubricId}/versions/{version}/publish")
    Mono<String> publish(
            @PathVariable String rubricId, @PathVariable String version, ServerWebExchange exchange, Model model) {
        int number = parseVersion(version);
        return principals.current(exchange).flatMap(me -> {
            if (!names(rubricId, number)) {
                return versionPage(exchange, model, me, RubricCall.notFound(), Feedback.none());
            }
            return rubrics.publish(me, rubricId, number)
                    .flatMap(result -> result.isOk()
                            ? versionPage(
                                    exchange,
                                    model,
                                    me,
                                    result,
                                    Feedback.done("Published: this version never changes from now on."))
                            : lookup(me, rubricId, number)
                                    .flatMap(found -> versionPage(
                                            exchange,
                                            model,
                                            me,
                                            found,
                                            Feedback.failed(
                                                    "The version was not published.", result, "this version"))));
        });
    }

    @PostMapping("/{rubricId}/drafts")
    Mono<String> newDraft(@PathVariable String rubricId, ServerWebExchange exchange, Model model) {
        return exchange.getFormData()
                .flatMap(data -> principals.current(exchange).flatMap(me -> {
                    int from = parseVersion(data.getFirst("from"));
                    if (!names(rubricId, from)) {
                        return versionPage(exchange, model, me, RubricCall.notFound(), Feedback.none());
                    }
                    return rubrics.newDraft(me, rubricId).flatMap(result -> {
                        if (result.isOk()) {
                            return Mono.just("redirect:"
                                    + versionPath(rubricId, result.value().version()));
                        }
                        return lookup(me, rubricId, from)
                                .flatMap(found -> versionPage(
                                        exchange,
                                        model,
                                        me,
                                        found,
                                        Feedback.failed("No new draft was started.", result, "this rubric")));
                    });
                }));
    }

    private Mono<RubricCall<RubricVersion>> lookup(TangoPrincipal me, String rubricId, int version) {
        return names(rubricId, version) ? rubrics.version(me, rubricId, version) : Mono.just(RubricCall.notFound());
    }

    /**
     * The version page, or with htmx its panel; a version that is not found or unavailable says so with 404 or 503.
     * The next draft is offered on the latest version only, since it starts from the latest.
     */
    private Mono<String> versionPage(
            ServerWebExchange exchange,
            Model model,
            TangoPrincipal me,
            RubricCall<RubricVersion> found,
            Feedback feedback) {
        if (found.isNotFound() || found.isRefused()) {
            exchange.getResponse().setStatusCode(HttpStatus.NOT_FOUND);
        } else if (found.isUnavailable()) {
            exchange.getResponse().setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
        }
        model.addAttribute("found", found);
        model.addAttribute("feedback", feedback);
        if (!found.isOk()) {
            model.addAttribute("assignPrograms", List.of());
            model.addAttribute("latestVersion", 0);
            return Mono.just("admin/rubric");
        }
        RubricVersion shown = found.value();
        model.addAttribute(
                "assignPrograms",
                shown.isPublished()
                        ? adminPrograms(me).stream()
                                .filter(program -> shown.builtIn() || program.equals(shown.programId()))
                                .toList()
                        : List.of());
        return rubrics.latest(me, shown.rubricId()).map(latest -> {
            model.addAttribute("latestVersion", latest.isOk() ? latest.value().version() : shown.version());
            return isHtmx(exchange) ? "admin/rubric :: panel" : "admin/rubric";
        });
    }

    // ---- helpers

    private static boolean names(String rubricId, int version) {
        return rubricId != null && RUBRIC_ID.matcher(rubricId).matches() && version >= 1;
    }

    private static String versionPath(String rubricId, int version) {
        return "/admin/rubrics/" + rubricId + "/versions/" + version;
    }

    private static int parseVersion(String value) {
        if (value == null || !value.matches("[0-9]{1,6}")) {
            return 0;
        }
        return Integer.parseInt(value);
    }

    private static List<String> adminPrograms(TangoPrincipal me) {
        return me.programs().stream().map(ProgramId::value).sorted().toList();
    }

    private static ProgramId programOrNull(String value) {
        return Ids.isValid(value) ? ProgramId.of(value) : null;
    }

    private static boolean isHtmx(ServerWebExchange exchange) {
        return "true".equals(exchange.getRequest().getHeaders().getFirst("HX-Request"));
    }

    private static String bounded(String value, int max) {
        if (value == null) {
            return "";
        }
        String trimmed = value.trim();
        return trimmed.length() > max ? trimmed.substring(0, max) : trimmed;
    }

    /** One of the admin's programs: the rubric it uses (as scoring-service says) and the versions it may choose. */
    record ProgramChoice(String programId, RubricCall<ProgramRubric> inUse, List<RubricList.Item.Version> options) {}

    /**
     * What became of a change, for the alert above the form: done, or refused with every reason.
     *
     * @param ok whether the change was made
     */
    record Feedback(boolean ok, String message, List<String> details) {

        static Feedback none() {
            return new Feedback(true, null, List.of());
        }

        static Feedback done(String message) {
            return new Feedback(true, message, List.of());
        }

        /** A refusal as scoring-service explained it; not found and unavailable in plain words. */
        static Feedback failed(String message, RubricCall<?> result, String what) {
            if (result.isRefused()) {
                RubricCall.Problem problem = result.problem();
                String title = problem.title() == null ? "" : " " + problem.title() + ".";
                return new Feedback(false, message + title, problem.lines());
            }
            if (result.isNotFound()) {
                return new Feedback(false, message + " scoring-service does not show you " + what + ".", List.of());
            }
            return new Feedback(
                    false,
                    message + " The scoring-service did not answer, so it is not known whether the change was made:"
                            + " reload the page before trying again.",
                    List.of());
        }

        public boolean shown() {
            return message != null;
        }
    }

    /** The import form as typed, so that a refused import comes back with its text. */
    record ImportForm(String programId, String rubricId, String content) {

        static ImportForm blank() {
            return new ImportForm("", "", "");
        }

        static ImportForm from(MultiValueMap<String, String> data) {
            String content = data.getFirst("content");
            return new ImportForm(
                    bounded(data.getFirst("programId"), 64),
                    bounded(data.getFirst("rubricId"), 64),
                    content == null ? "" : content);
        }

        /** What the gateway can tell without asking scoring-service. */
        List<String> problems(TangoPrincipal me) {
            List<String> problems = new ArrayList<>();
            if (!me.programs().contains(programOrNull(programId))) {
                problems.add("Program: choose one of your programs.");
            }
            if (!rubricId.isEmpty() && !RUBRIC_ID.matcher(rubricId).matches()) {
                problems.add("Rubric id: lower-case letters, digits, '.', '_' or '-', at most 64, starting with a"
                        + " letter or digit; or leave it empty.");
            }
            if (content.isBlank()) {
                problems.add("Rubric JSON: paste the rubric here, or choose a file to read it in.");
            } else if (content.length() > MAX_IMPORT_CHARACTERS) {
                problems.add("Rubric JSON: at most " + MAX_IMPORT_CHARACTERS + " characters.");
            }
            return problems;
        }
    }
}
