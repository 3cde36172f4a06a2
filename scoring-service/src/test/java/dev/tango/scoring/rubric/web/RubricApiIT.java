package dev.tango.scoring.rubric.web;

import static dev.tango.scoring.rubric.RubricJsonBuilder.marker;
import static dev.tango.scoring.rubric.RubricJsonBuilder.phase;
import static dev.tango.scoring.rubric.RubricJsonBuilder.valid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tango.events.ProgramId;
import dev.tango.scoring.ScoringServiceIntegrationTest;
import dev.tango.scoring.rubric.Rubric;
import dev.tango.scoring.rubric.RubricCatalog;
import dev.tango.scoring.rubric.RubricJson;
import dev.tango.scoring.rubric.RubricRef;
import dev.tango.testsupport.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rubric API against the real MongoDB-protocol server: versions and their life (draft, publish, next draft),
 * immutability, import with every problem listed, export, the built-in rubric, program assignments and what
 * {@link RubricCatalog#inUseBy} makes of them, and who may do what. Each test uses rubric ids and programs of its own.
 */
class RubricApiIT extends ScoringServiceIntegrationTest {

    private static final String RUBRICS = "/api/scoring/rubrics";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Autowired
    private RubricCatalog catalog;

    @Autowired
    private ReactiveMongoOperations mongo;

    @Autowired
    private JsonMapper json;

    private String run;
    private String program;
    private WebTestClient admin;
    private WebTestClient otherAdmin;
    private WebTestClient mentor;
    private WebTestClient student;

    @BeforeEach
    void aProgramOfItsOwn() {
        run = UUID.randomUUID().toString().substring(0, 8);
        program = "rubrics-" + run;
        TestTokens tokens = TestTokens.get();
        admin = as(tokens.admin("admin-" + run, program));
        otherAdmin = as(tokens.admin("admin-other-" + run, "other-" + run));
        mentor = as(tokens.mentor("mentor-" + run, program));
        student = as(tokens.student("student-" + run, program));
    }

    // ---- the built-in rubric

    @Test
    void theBuiltInRubricIsStoredAtStartupAndEveryoneMayReadIt() {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mongo.findById("partnership:v1", Document.class, "rubrics")
                                .block(TIMEOUT)
                        != null);

        for (WebTestClient anyone : List.of(admin, otherAdmin, mentor, student)) {
            anyone.get()
                    .uri(RUBRICS + "/partnership/versions/1")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.builtIn")
                    .isEqualTo(true)
                    .jsonPath("$.status")
                    .isEqualTo("PUBLISHED")
                    .jsonPath("$.programId")
                    .doesNotExist()
                    .jsonPath("$.content.phases.length()")
                    .isEqualTo(5)
                    .jsonPath("$.content.antiSignals.length()")
                    .isEqualTo(6)
                    .jsonPath("$.content.scoring.requiredMarkers.ACTION_PLANNING")
                    .isEqualTo(3);
        }
        student.get()
                .uri(RUBRICS + "/partnership")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.version")
                .isEqualTo(1);
        student.get()
                .uri(RUBRICS)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.rubrics.length()")
                .isEqualTo(1)
                .jsonPath("$.rubrics[0].rubricId")
                .isEqualTo("partnership");
    }

    @Test
    void theBuiltInRubricNeverChangesButAProgramMayStartItsOwnFromIt() {
        admin.put()
                .uri(RUBRICS + "/partnership/versions/1")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("revision", 0, "content", valid().build()))
                .exchange()
                .expectStatus()
                .isForbidden();
        problem(admin.post().uri(RUBRICS + "/partnership/drafts").exchange(), 403);
        problem(admin.post().uri(RUBRICS + "/partnership/versions/1/publish").exchange(), 403);

        Map<String, Object> copy = created(admin.post()
                .uri(RUBRICS)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("programId", program, "basedOn", Map.of("rubricId", "partnership", "version", 1)))
                .exchange());

        assertThat(copy).containsEntry("version", 1).containsEntry("status", "DRAFT");
        assertThat(copy).containsEntry("programId", program).containsEntry("builtIn", false);
        assertThat((String) copy.get("rubricId")).startsWith("partnership-in-coaching-");
        Rubric partnership = catalog.find(new RubricRef("partnership", 1)).block(TIMEOUT);
        assertThat(tree(copy.get("content"))).isEqualTo(tree(RubricJson.of(partnership.content())));
    }

    // ---- versions: create, replace, publish, next draft

    @Test
    void aDraftIsReplacedPublishedAndFollowedByTheNextDraft() {
        String id = "flow-" + run;
        Map<String, Object> v1 = created(admin.post()
                .uri(RUBRICS)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("programId", program, "rubricId", id, "content", valid().build()))
                .exchange());
        assertThat(v1)
                .containsEntry("rubricId", id)
                .containsEntry("version", 1)
                .containsEntry("status", "DRAFT")
                .containsEntry("revision", 0)
                .containsEntry("createdBy", "admin-" + run);
        assertThat(v1.get("publishedAt")).isNull();

        RubricJson renamed = valid().withName("Renamed").build();
        Map<String, Object> replaced = body(
                admin.put()
                        .uri(RUBRICS + "/{id}/versions/1", id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("revision", 0, "content", renamed))
                        .exchange(),
                200);
        assertThat(replaced).containsEntry("revision", 1).containsEntry("status", "DRAFT");
        assertThat(tree(replaced.get("content"))).isEqualTo(tree(renamed));

        Map<String, Object> stale = problem(
                admin.put()
                        .uri(RUBRICS + "/{id}/versions/1", id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of(
                                "revision",
                                0,
                                "content",
                                valid().withName("Lost").build()))
                        .exchange(),
                409);
        assertThat(stale).containsEntry("title", "Changed concurrently").containsEntry("revision", 1);
        assertThat(problem(admin.post().uri(RUBRICS + "/{id}/drafts", id).exchange(), 409))
                .containsEntry("title", "Draft exists")
                .containsEntry("draftVersion", 1);

        Map<String, Object> published =
                body(admin.post().uri(RUBRICS + "/{id}/versions/1/publish", id).exchange(), 200);
        assertThat(published).containsEntry("status", "PUBLISHED").containsEntry("revision", 2);
        assertThat(Instant.parse((String) published.get("publishedAt"))).isBeforeOrEqualTo(Instant.now());

        // A published version never changes.
        assertThat(problem(
                        admin.put()
                                .uri(RUBRICS + "/{id}/versions/1", id)
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(Map.of(
                                        "revision",
                                        2,
                                        "content",
                                        valid().withName("Changed").build()))
                                .exchange(),
                        409))
                .containsEntry("title", "Published versions never change");
        problem(admin.post().uri(RUBRICS + "/{id}/versions/1/publish", id).exchange(), 409);
        assertThat(body(admin.get().uri(RUBRICS + "/{id}/versions/1", id).exchange(), 200))
                .containsEntry("revision", 2)
                .extractingByKey("content")
                .satisfies(content -> assertThat(tree(content)).isEqualTo(tree(renamed)));

        Map<String, Object> v2 =
                created(admin.post().uri(RUBRICS + "/{id}/drafts", id).exchange());
        assertThat(v2)
                .containsEntry("version", 2)
                .containsEntry("status", "DRAFT")
                .containsEntry("revision", 0);
        assertThat(tree(v2.get("content"))).isEqualTo(tree(renamed));

        // The owner's admin sees the draft as the latest; anyone else the latest published version.
        assertThat(body(admin.get().uri(RUBRICS + "/{id}", id).exchange(), 200)).containsEntry("version", 2);
        assertThat(body(mentor.get().uri(RUBRICS + "/{id}", id).exchange(), 200))
                .containsEntry("version", 1);
        assertThat(body(admin.get().uri(RUBRICS).exchange(), 200).get("rubrics"))
                .asInstanceOf(InstanceOfAssertFactories.LIST)
                .anySatisfy(item -> assertThat(asMap(item))
                        .containsEntry("rubricId", id)
                        .containsEntry("programId", program)
                        .containsEntry("latestVersion", 2)
                        .containsEntry("name", "Renamed"));
    }

    @Test
    void onlyTheOwningProgramsAdminsSeeADraftAndChangeARubric() {
        String id = "access-" + run;
        create(id, valid().build());

        admin.get()
                .uri(RUBRICS + "/{id}/versions/1", id)
                .exchange()
                .expectStatus()
                .isOk();
        for (WebTestClient other : List.of(otherAdmin, mentor, student)) {
            Map<String, Object> hidden =
                    problem(other.get().uri(RUBRICS + "/{id}/versions/1", id).exchange(), 404);
            Map<String, Object> unknown = problem(
                    other.get().uri(RUBRICS + "/{id}/versions/1", "none-" + run).exchange(), 404);
            assertThat(hidden.get("title")).isEqualTo(unknown.get("title"));
            assertThat(hidden).containsEntry("detail", "Rubric " + id + " v1 was not found");
            problem(other.get().uri(RUBRICS + "/{id}", id).exchange(), 404);
            problem(other.get().uri(RUBRICS + "/{id}/versions/1/export", id).exchange(), 404);
            problem(other.post().uri(RUBRICS + "/{id}/versions/1/publish", id).exchange(), 404);
            problem(
                    other.put()
                            .uri(RUBRICS + "/{id}/versions/1", id)
                            .contentType(MediaType.APPLICATION_JSON)
                            .bodyValue(Map.of("revision", 0, "content", valid().build()))
                            .exchange(),
                    404);
        }
        assertThat(body(otherAdmin.get().uri(RUBRICS).exchange(), 200).toString())
                .doesNotContain(id);
        withoutToken()
                .get()
                .uri(RUBRICS + "/{id}/versions/1", id)
                .exchange()
                .expectStatus()
                .isUnauthorized();

        publish(id, 1);

        for (WebTestClient anyone : List.of(otherAdmin, mentor, student)) {
            anyone.get()
                    .uri(RUBRICS + "/{id}/versions/1", id)
                    .exchange()
                    .expectStatus()
                    .isOk();
        }
        // Seeing a published version is not owning it.
        problem(otherAdmin.post().uri(RUBRICS + "/{id}/drafts", id).exchange(), 403);
        problem(mentor.post().uri(RUBRICS + "/{id}/drafts", id).exchange(), 403);
    }

    @Test
    void refusesToCreateWhatItMustNot() {
        String id = "taken-" + run;
        create(id, valid().build());

        assertThat(problem(
                        admin.post()
                                .uri(RUBRICS)
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(Map.of(
                                        "programId",
                                        program,
                                        "rubricId",
                                        id,
                                        "content",
                                        valid().withName("Second").build()))
                                .exchange(),
                        409))
                .containsEntry("title", "Rubric id taken");
        assertThat(body(admin.get().uri(RUBRICS + "/{id}/versions/1", id).exchange(), 200))
                .containsEntry("revision", 0)
                .extractingByKey("content")
                .satisfies(
                        content -> assertThat(((Map<?, ?>) content).get("name")).isEqualTo("Small rubric"));
        problem(createRequest(admin, "partnership", valid().build()), 409);
        problem(createRequest(mentor, "mentor-" + run, valid().build()), 403);
        problem(createRequest(otherAdmin, "other-" + run, valid().build()), 403);

        Map<String, Object> both = problem(
                admin.post()
                        .uri(RUBRICS)
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of(
                                "programId",
                                program,
                                "rubricId",
                                "Not Valid",
                                "content",
                                valid().withName("").build(),
                                "basedOn",
                                Map.of("rubricId", "partnership", "version", 1)))
                        .exchange(),
                400);
        assertThat(fields(both)).containsExactly("rubricId", "basedOn");

        // Another program's draft is no base for a copy: it cannot be seen.
        String hidden = "hidden-" + run;
        as(TestTokens.get().admin("admin-other-" + run, "other-" + run))
                .post()
                .uri(RUBRICS)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("programId", "other-" + run, "rubricId", hidden, "content", valid().build()))
                .exchange()
                .expectStatus()
                .isCreated();
        assertThat(fields(problem(
                        admin.post()
                                .uri(RUBRICS)
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(Map.of(
                                        "programId", program, "basedOn", Map.of("rubricId", hidden, "version", 1)))
                                .exchange(),
                        400)))
                .containsExactly("basedOn");
    }

    // ---- import and export

    @Test
    void anImportWithErrorsListsEveryProblemAndStoresNothing() {
        String id = "broken-" + run;
        RubricJson broken = valid().withName("")
                .withPhases(
                        phase("OPENING", marker("same"), marker("Bad Id")),
                        phase("REFLECTING", marker("r.one")),
                        phase("CLOSING", marker("same")))
                .withRequired("OPENING", 3)
                .withPenalty(-1)
                .build();

        Map<String, Object> refused = problem(
                admin.post()
                        .uri(RUBRICS + "/import?programId={p}&rubricId={id}", program, id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(broken)
                        .exchange(),
                400);

        assertThat(refused).containsEntry("type", "https://tango.dev/problems/invalid-request");
        assertThat(fields(refused))
                .containsExactly(
                        "name",
                        "phases[0].markers[1].id",
                        "phases[1].phase",
                        "phases[2].markers[0].id",
                        "scoring.requiredMarkers.OPENING",
                        "scoring.penaltyPerAntiSignal");
        problem(admin.get().uri(RUBRICS + "/{id}", id).exchange(), 404);
        assertThat(mongo.findById(id + ":v1", Document.class, "rubrics").block(TIMEOUT))
                .isNull();

        // A field the format does not have is named too.
        Map<String, Object> unknownField = problem(
                admin.post()
                        .uri(RUBRICS + "/import?programId={p}&rubricId={id}", program, id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue("{\"name\":\"x\",\"colour\":\"red\"}")
                        .exchange(),
                400);
        assertThat(fields(unknownField)).containsExactly("colour");

        // A create request names the same problems under content.
        assertThat(fields(problem(createRequest(admin, id, broken), 400)))
                .first()
                .isEqualTo("content.name");
        problem(admin.get().uri(RUBRICS + "/{id}", id).exchange(), 404);
    }

    @Test
    void anExportImportsBackToTheSameContent() throws Exception {
        String original = """
                {"name":"PCC markers (excerpt)","description":"Three ICF PCC markers",
                 "phases":[
                   {"phase":"OPENING","title":"Agreement","markers":[
                     {"id":"pcc.3-1","label":"Identifies what the client wants","description":"Coach partners with the client to identify or reconfirm what the client wants to accomplish in this session.","exampleQuestions":["What would you like to accomplish today?"]},
                     {"id":"pcc.3-2","label":"Defines success measures","description":"Coach partners with the client to define or reconfirm measures of success.","exampleQuestions":[]}]},
                   {"phase":"CLOSING","title":"Facilitating growth","markers":[
                     {"id":"pcc.8-1","label":"Explores progress","description":"Coach invites or allows the client to explore progress toward what they wanted.","exampleQuestions":["What have you learned?","What has shifted for you?"]}]}],
                 "antiSignals":[{"id":"anti.interrupts","label":"Interrupts","description":"Does not let the client finish speaking (PCC 6.6)."}],
                 "scoring":{"requiredMarkers":{"OPENING":1,"CLOSING":1},"penaltyPerAntiSignal":20}}
                """;
        String id = "pcc-" + run;
        Map<String, Object> imported = created(admin.post()
                .uri(RUBRICS + "/import?programId={p}&rubricId={id}", program, id)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(original)
                .exchange());
        assertThat(imported).containsEntry("status", "DRAFT").containsEntry("programId", program);

        WebTestClient.ResponseSpec export =
                admin.get().uri(RUBRICS + "/{id}/versions/1/export", id).exchange();
        byte[] exported = export.expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectHeader()
                .value(
                        HttpHeaders.CONTENT_DISPOSITION,
                        value -> assertThat(value).startsWith("attachment").contains("filename=\"" + id + "-v1.json\""))
                .expectBody()
                .returnResult()
                .getResponseBody();

        assertThat((Object) json.readTree(exported)).isEqualTo(json.readTree(original));

        // Importing the export gives the same content again, under a server-chosen id.
        Map<String, Object> again = created(admin.post()
                .uri(RUBRICS + "/import?programId={p}", program)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(exported)
                .exchange());
        assertThat((String) again.get("rubricId")).startsWith("pcc-markers-excerpt-");
        assertThat(tree(again.get("content"))).isEqualTo(json.readTree(original));
    }

    // ---- program assignments

    @Test
    void aProgramUsesTheDefaultUntilItChoosesAndEachChoiceFromItsInstant() {
        Instant before = Instant.now();
        Map<String, Object> initially = body(
                mentor.get().uri("/api/scoring/programs/{p}/rubric", program).exchange(), 200);
        assertThat(initially).containsEntry("usesDefault", true).containsEntry("history", List.of());
        assertThat(asMap(initially.get("current")))
                .containsEntry("rubricId", "partnership")
                .containsEntry("version", 1);
        assertThat(catalog.inUseBy(ProgramId.of(program), before).block(TIMEOUT).ref())
                .isEqualTo(new RubricRef("partnership", 1));

        String id = "chosen-" + run;
        create(id, valid().build());
        assertThat(problem(assign(admin, id, 1), 409)).containsEntry("title", "Not published");
        publish(id, 1);

        Map<String, Object> first = body(assign(admin, id, 1), 200);
        assertThat(first).containsEntry("usesDefault", false);
        Instant t1 = effectiveFrom(first, 0);

        created(admin.post().uri(RUBRICS + "/{id}/drafts", id).exchange());
        problem(assign(admin, id, 2), 409);
        publish(id, 2);
        Map<String, Object> second = body(assign(admin, id, 2), 200);
        Instant t2 = effectiveFrom(second, 1);
        assertThat(t2).isAfter(t1);
        assertThat(asMap(second.get("current")))
                .containsEntry("rubricId", id)
                .containsEntry("version", 2)
                .containsEntry("assignedBy", "admin-" + run);

        // Choosing the version in use changes nothing.
        assertThat((List<?>) body(assign(admin, id, 2), 200).get("history")).hasSize(2);

        ProgramId programId = ProgramId.of(program);
        assertThat(inUseAt(programId, t1.minusMillis(1))).isEqualTo(new RubricRef("partnership", 1));
        assertThat(inUseAt(programId, t1)).isEqualTo(new RubricRef(id, 1));
        assertThat(inUseAt(programId, t2.minusMillis(1))).isEqualTo(new RubricRef(id, 1));
        assertThat(inUseAt(programId, t2)).isEqualTo(new RubricRef(id, 2));
        assertThat(inUseAt(programId, t2.plus(Duration.ofDays(365)))).isEqualTo(new RubricRef(id, 2));

        Map<String, Object> back = body(assign(admin, "partnership", 1), 200);
        assertThat((List<?>) back.get("history")).hasSize(3);
        assertThat(inUseAt(programId, t2)).isEqualTo(new RubricRef(id, 2));
        assertThat(catalog.inUseBy(programId, Instant.now().plusSeconds(1))
                        .block(TIMEOUT)
                        .ref())
                .isEqualTo(new RubricRef("partnership", 1));
    }

    @Test
    void onlyTheProgramsAdminsChooseAndOnlyFromWhatTheProgramMayUse() {
        String foreign = "foreign-" + run;
        WebTestClient foreignAdmin = as(TestTokens.get().admin("admin-foreign-" + run, "foreign-" + run));
        foreignAdmin
                .post()
                .uri(RUBRICS)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("programId", "foreign-" + run, "rubricId", foreign, "content", valid().build()))
                .exchange()
                .expectStatus()
                .isCreated();
        foreignAdmin
                .post()
                .uri(RUBRICS + "/{id}/versions/1/publish", foreign)
                .exchange()
                .expectStatus()
                .isOk();

        assertThat(problem(assign(admin, foreign, 1), 409)).containsEntry("title", "Another program's rubric");
        problem(assign(admin, "none-" + run, 1), 404);
        problem(assign(mentor, "partnership", 1), 403);
        problem(assign(otherAdmin, "partnership", 1), 403);
        assertThat(fields(problem(assign(admin, " ", 0), 400))).containsExactly("rubricId", "version");
        problem(
                otherAdmin
                        .get()
                        .uri("/api/scoring/programs/{p}/rubric", program)
                        .exchange(),
                404);

        Map<String, Object> unchanged = body(
                student.get().uri("/api/scoring/programs/{p}/rubric", program).exchange(), 200);
        assertThat(unchanged).containsEntry("usesDefault", true).containsEntry("history", List.of());
    }

    @Test
    void theOpenApiDocumentListsTheRubricEndpoints() {
        withoutToken()
                .get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.paths['/api/scoring/rubrics'].post")
                .exists()
                .jsonPath("$.paths['/api/scoring/rubrics/import'].post")
                .exists()
                .jsonPath("$.paths['/api/scoring/rubrics/{rubricId}/versions/{version}'].put")
                .exists()
                .jsonPath("$.paths['/api/scoring/rubrics/{rubricId}/versions/{version}/export'].get")
                .exists()
                .jsonPath("$.paths['/api/scoring/programs/{programId}/rubric'].put")
                .exists();
    }

    // ---- helpers

    private RubricRef inUseAt(ProgramId programId, Instant at) {
        return catalog.inUseBy(programId, at).block(TIMEOUT).ref();
    }

    @SuppressWarnings("unchecked")
    private static Instant effectiveFrom(Map<String, Object> programRubric, int index) {
        List<Map<String, Object>> history = (List<Map<String, Object>>) programRubric.get("history");
        assertThat(history).hasSize(index + 1);
        return Instant.parse((String) history.get(index).get("effectiveFrom"));
    }

    private WebTestClient.ResponseSpec assign(WebTestClient client, String rubricId, int version) {
        return client.put()
                .uri("/api/scoring/programs/{p}/rubric", program)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("rubricId", rubricId, "version", version))
                .exchange();
    }

    private WebTestClient.ResponseSpec createRequest(WebTestClient client, String id, RubricJson content) {
        return client.post()
                .uri(RUBRICS)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("programId", program, "rubricId", id, "content", content))
                .exchange();
    }

    private void create(String id, RubricJson content) {
        created(createRequest(admin, id, content));
    }

    private void publish(String id, int version) {
        body(
                admin.post()
                        .uri(RUBRICS + "/{id}/versions/{v}/publish", id, version)
                        .exchange(),
                200);
    }

    private static Map<String, Object> created(WebTestClient.ResponseSpec response) {
        Map<String, Object> body = response.expectStatus()
                .isCreated()
                .expectHeader()
                .exists(HttpHeaders.LOCATION)
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
        assertThat(body).isNotNull();
        return body;
    }

    private static Map<String, Object> body(WebTestClient.ResponseSpec response, int status) {
        return response.expectStatus()
                .isEqualTo(status)
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
    }

    private static Map<String, Object> problem(WebTestClient.ResponseSpec response, int status) {
        Map<String, Object> problem = response.expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
        assertThat(problem).containsEntry("status", status).containsKeys("type", "title", "detail");
        return problem;
    }

    @SuppressWarnings("unchecked")
    private static List<String> fields(Map<String, Object> problem) {
        return ((List<Map<String, Object>>) problem.get("errors"))
                .stream().map(error -> (String) error.get("field")).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return (Map<String, Object>) value;
    }

    private JsonNode tree(Object value) {
        return json.valueToTree(value);
    }
}
