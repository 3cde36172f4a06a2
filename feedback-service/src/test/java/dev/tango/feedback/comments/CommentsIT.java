package dev.tango.feedback.comments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tango.events.EventEnvelope;
import dev.tango.events.UserId;
import dev.tango.feedback.FeedbackServiceIntegrationTest;
import dev.tango.feedback.ScoreStory;
import dev.tango.support.idempotency.IdempotencyKey;
import dev.tango.support.idempotency.IdempotencyRecord;
import dev.tango.support.idempotency.RequestFingerprint;
import dev.tango.testsupport.SessionStory;
import dev.tango.testsupport.TestTokens;
import io.micrometer.core.instrument.DistributionSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Comments over the real broker and MongoDB-protocol server: the session's mentors and student come from session
 * events, publication with the scorecard from score events.
 */
class CommentsIT extends FeedbackServiceIntegrationTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST =
            new ParameterizedTypeReference<>() {};

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final UserId m1 = UserId.of("m1-" + run);
    private final UserId m2 = UserId.of("m2-" + run);
    private final SessionStory story = SessionStory.newSession().withMentors(m1, m2);
    private final ScoreStory scores = new ScoreStory(story);
    private WebTestClient mentor1;
    private WebTestClient mentor2;
    private WebTestClient student;

    @Autowired
    ReactiveMongoOperations mongo;

    @BeforeEach
    void aSessionWithTwoMentors() {
        publisher.publish(story.wholeSession());
        mentor1 = as(TestTokens.get().mentor(m1.value()));
        mentor2 = as(TestTokens.get().mentor(m2.value()));
        student = as(TestTokens.get().student(story.studentId().value()));
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> student.get()
                        .uri("/api/feedback/sessions/{id}", id())
                        .exchange()
                        .expectStatus()
                        .isOk());
    }

    @Test
    void draftsStayWithTheirAuthorUntilPublishedAloneOrWithTheScorecard() {
        String draft = write(
                        mentor1,
                        "{\"body\":\"You asked how to work *together*\",\"kind\":\"STRENGTH\","
                                + "\"itemId\":\"opening.work-together\",\"timeCodeMs\":65000,\"phase\":\"OPENING\"}")
                .get("id")
                .toString();
        Map<String, Object> alone =
                write(mentor1, "{\"body\":\"What did the client want?\",\"kind\":\"QUESTION\"," + "\"publish\":true}");

        assertThat(alone).containsEntry("status", "PUBLISHED");
        assertThat(ids(student)).containsExactly(alone.get("id"));
        assertThat(ids(mentor2)).containsExactly(alone.get("id"));
        assertThat(ids(mentor1)).containsExactly(draft, alone.get("id"));
        Map<String, Object> mine = list(mentor1).get(0);
        assertThat(mine)
                .containsEntry("status", "DRAFT")
                .containsEntry("html", "<p>You asked how to work <em>together</em></p>");

        Instant publishedAt = Instant.parse("2026-11-22T09:00:00Z");
        EventEnvelope<?> scorecard = scores.published(m1, 80, ScoreStory.flat(80), publishedAt);
        long firstScores = scoresRecorded("first");
        publisher.publish(scorecard);

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(ids(student)).containsExactly(draft, alone.get("id")));
        // The program dashboard's score distribution counts the published revision once.
        await().atMost(Duration.ofSeconds(30)).until(() -> scoresRecorded("first") == firstScores + 1);
        assertThat(list(student).get(0)).containsEntry("publishedAt", "2026-11-22T09:00:00Z");

        // A draft written after the scorecard is not published by the same scorecard delivered again.
        String later = write(mentor1, "{\"body\":\"Later thought\",\"kind\":\"NOTE\"}")
                .get("id")
                .toString();
        double duplicates = count("tango.events.processed", "consumer", "comment-publication", "outcome", "duplicate");
        publisher.publish(scorecard);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> count("tango.events.processed", "consumer", "comment-publication", "outcome", "duplicate")
                        > duplicates);
        assertThat(ids(student)).containsExactly(draft, alone.get("id"));

        assertThat(scoresRecorded("first")).isEqualTo(firstScores + 1);

        // The mentor's next revision publishes it.
        long revisedScores = scoresRecorded("revised");
        publisher.publish(scores.revised(m1, 2, 85, ScoreStory.flat(85), publishedAt.plusSeconds(60)));
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(ids(student)).containsExactly(draft, alone.get("id"), later));
        await().atMost(Duration.ofSeconds(30)).until(() -> scoresRecorded("revised") == revisedScores + 1);
    }

    private long scoresRecorded(String revision) {
        return meters.find("tango.feedback.partnership.score").tag("revision", revision).summaries().stream()
                .mapToLong(DistributionSummary::count)
                .sum();
    }

    @Test
    void editsKeepTheHistoryDeletesAreSoftAndStudentsReply() {
        Map<String, Object> comment =
                write(mentor1, "{\"body\":\"First take\",\"kind\":\"SUGGESTION\",\"publish\":true}");
        String id = comment.get("id").toString();

        mentor1.put()
                .uri("/api/feedback/sessions/{s}/comments/{c}", id(), id)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"body\":\"Second take\",\"kind\":\"SUGGESTION\",\"timeCodeMs\":1000}")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.body")
                .isEqualTo("Second take")
                .jsonPath("$.edits")
                .isEqualTo(1)
                .jsonPath("$.history[0].body")
                .isEqualTo("First take");
        assertThat(list(student).get(0)).containsEntry("body", "Second take").containsEntry("history", List.of());

        student.post()
                .uri("/api/feedback/sessions/{s}/comments/{c}/replies", id(), id)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"body\":\"I see it now: I led <b>instead</b> of following\"}")
                .exchange()
                .expectStatus()
                .isCreated();
        assertThat(list(mentor1).get(0).get("replies").toString())
                .contains("I led <b>instead</b> of following")
                .contains("I led &lt;b&gt;instead&lt;/b&gt; of following");

        mentor2.put()
                .uri("/api/feedback/sessions/{s}/comments/{c}", id(), id)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"body\":\"Hijack\",\"kind\":\"NOTE\"}")
                .exchange()
                .expectStatus()
                .isForbidden();

        mentor1.delete()
                .uri("/api/feedback/sessions/{s}/comments/{c}", id(), id)
                .exchange()
                .expectStatus()
                .isNoContent();
        assertThat(list(student)).isEmpty();
        assertThat(list(mentor1).get(0)).containsEntry("deleted", true);
        student.post()
                .uri("/api/feedback/sessions/{s}/comments/{c}/replies", id(), id)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"body\":\"Too late\"}")
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void whoMayWriteReadAndChange() {
        String draft = write(mentor1, "{\"body\":\"Private thought\",\"kind\":\"NOTE\"}")
                .get("id")
                .toString();

        mentor2.put()
                .uri("/api/feedback/sessions/{s}/comments/{c}", id(), draft)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"body\":\"x\",\"kind\":\"NOTE\"}")
                .exchange()
                .expectStatus()
                .isNotFound();
        student.post()
                .uri("/api/feedback/sessions/{s}/comments/{c}/publish", id(), draft)
                .exchange()
                .expectStatus()
                .isForbidden();
        student.post()
                .uri("/api/feedback/sessions/{s}/comments/{c}/replies", id(), draft)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"body\":\"Can I see it?\"}")
                .exchange()
                .expectStatus()
                .isNotFound();
        student.post()
                .uri("/api/feedback/sessions/{s}/comments", id())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"body\":\"I am a mentor now\",\"kind\":\"NOTE\"}")
                .exchange()
                .expectStatus()
                .isForbidden();
        for (String token : List.of(
                TestTokens.get().student("another-student-" + run),
                TestTokens.get().mentor("another-mentor-" + run),
                TestTokens.get().admin("another-admin-" + run, "another-program"))) {
            as(token)
                    .get()
                    .uri("/api/feedback/sessions/{s}/comments", id())
                    .exchange()
                    .expectStatus()
                    .isNotFound();
        }
        assertThat(ids(web)).as("an admin of the program sees no draft").isEmpty();
    }

    @Test
    void refusesBodiesOverTheBoundAndLeavesNoTrace() {
        String tooLong = "x".repeat(5_001);

        mentor1.post()
                .uri("/api/feedback/sessions/{s}/comments", id())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("body", tooLong, "kind", "NOTE", "timeCodeMs", -1))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("body")
                .jsonPath("$.errors[1].field")
                .isEqualTo("timeCodeMs");
        mentor1.post()
                .uri("/api/feedback/sessions/{s}/comments", id())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"body\":\"No kind\",\"kind\":\"PRAISE\"}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("kind");

        assertThat(list(mentor1)).isEmpty();
    }

    @Test
    void scriptsEventHandlersAndJavascriptLinksInBodiesComeOutInert() {
        String body = "<script>alert('x')</script> <img src=x onerror=alert(1)> [click](javascript:alert(1)) "
                + "<a href=\"javascript:alert(2)\">raw</a> [ok](https://tango.dev)";

        Map<String, Object> comment = write(mentor1, Map.of("body", body, "kind", "NOTE", "publish", true));

        String html = comment.get("html").toString();
        assertThat(comment).containsEntry("body", body);
        assertThat(html)
                .doesNotContain("<script")
                .doesNotContain("<img")
                .doesNotContain("onerror=")
                .doesNotContain("href=\"javascript")
                .contains("&lt;script&gt;")
                .containsPattern(
                        "<a href=\"https://tango.dev\" rel=\"(?=[a-z ]*nofollow)(?=[a-z ]*noopener)[a-z ]+\">ok</a>");
        assertThat(list(student).get(0)).containsEntry("html", html);
    }

    @Test
    void aWriteRunAgainAfterItsIdempotencyKeyWasTakenOverAnswersTheFirstCommentAndAddsNone() {
        String key = UUID.randomUUID().toString();
        String json = "{\"body\":\"Say it once\",\"kind\":\"NOTE\",\"publish\":true}";
        double published = count("tango.feedback.comments.published", "with", "alone");
        Map<String, Object> first = write(mentor1, key, json)
                .expectHeader()
                .doesNotExist("Idempotent-Replayed")
                .expectBody(JSON)
                .returnResult()
                .getResponseBody();
        // Killed after storing the comment, before completing the key: the retry takes the key over and runs again.
        stillPendingSinceLongAgo(m1.value(), key);

        Map<String, Object> second = write(mentor1, key, json)
                .expectHeader()
                .doesNotExist("Idempotent-Replayed")
                .expectBody(JSON)
                .returnResult()
                .getResponseBody();

        // The stored comment (its times kept to the millisecond, as MongoDB keeps them).
        assertThat(second)
                .containsEntry("id", first.get("id"))
                .isEqualTo(list(mentor1).get(0));
        assertThat(ids(mentor1)).containsExactly(first.get("id"));
        assertThat(ids(student)).containsExactly(first.get("id"));
        assertThat(count("tango.feedback.comments.published", "with", "alone") - published)
                .isEqualTo(1);
        Map<String, Object> other = write(mentor1, UUID.randomUUID().toString(), json)
                .expectBody(JSON)
                .returnResult()
                .getResponseBody();
        assertThat(ids(mentor1)).containsExactly(first.get("id"), other.get("id"));
    }

    private WebTestClient.ResponseSpec write(WebTestClient client, String idempotencyKey, String json) {
        return client.post()
                .uri("/api/feedback/sessions/{s}/comments", id())
                .header(IdempotencyKey.HEADER, idempotencyKey)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json)
                .exchange()
                .expectStatus()
                .isCreated();
    }

    private void stillPendingSinceLongAgo(String subject, String idempotencyKey) {
        long changed = mongo.updateFirst(
                        Query.query(Criteria.where("_id")
                                .is(RequestFingerprint.recordId(subject, new IdempotencyKey(idempotencyKey)))),
                        new Update()
                                .set("state", IdempotencyRecord.State.PENDING.name())
                                .set("createdAt", Instant.now().minus(Duration.ofHours(1))),
                        IdempotencyRecord.COLLECTION)
                .block()
                .getModifiedCount();
        assertThat(changed).isEqualTo(1);
    }

    private Map<String, Object> write(WebTestClient client, Object json) {
        return client.post()
                .uri("/api/feedback/sessions/{s}/comments", id())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(JSON)
                .returnResult()
                .getResponseBody();
    }

    private List<Map<String, Object>> list(WebTestClient client) {
        return client.get()
                .uri("/api/feedback/sessions/{s}/comments", id())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(LIST)
                .returnResult()
                .getResponseBody();
    }

    private List<Object> ids(WebTestClient client) {
        return list(client).stream().map(c -> c.get("id")).toList();
    }

    private String id() {
        return story.sessionId().value();
    }
}
