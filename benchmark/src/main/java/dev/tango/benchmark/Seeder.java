package dev.tango.benchmark;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/**
 * Stores many sessions quickly by copying one real session's documents in every service's collections, with new
 * session and student ids, straight into the MongoDB-protocol server. The copies have the services' exact document
 * shapes because they are the services' own documents.
 */
final class Seeder {

    private static final JsonWriterSettings EXACT =
            JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();
    private static final int BATCH = 500;

    /** The per-session collections, by database. */
    private static final List<String[]> PER_SESSION = List.of(
            new String[] {"tango_session", "sessions"},
            new String[] {"tango_scoring", "session_timelines"},
            new String[] {"tango_scoring", "session_scoring"},
            new String[] {"tango_feedback", "session_insights"},
            new String[] {"tango_feedback", "session_routes"},
            new String[] {"tango_feedback", "session_comments"});

    private final MongoClient mongo;
    private final String quotedSession;
    private final String quotedStudent;
    private final Map<MongoCollection<Document>, String> templates = new LinkedHashMap<>();
    private final String entryTemplate;
    private final MongoCollection<Document> studentSessions;
    private final MongoCollection<Document> studentInsights;
    private long stored;
    private int students;
    private String firstStudent;
    private String firstSession;

    Seeder(MongoClient mongo, String templateSession, String templateStudent) {
        this.mongo = mongo;
        this.quotedSession = quoted(templateSession);
        this.quotedStudent = quoted(templateStudent);
        for (String[] collection : PER_SESSION) {
            MongoCollection<Document> c = mongo.getDatabase(collection[0]).getCollection(collection[1]);
            Document doc = c.find(Filters.eq("_id", templateSession)).first();
            if (doc != null) {
                templates.put(c, doc.toJson(EXACT));
            }
        }
        this.studentSessions = mongo.getDatabase("tango_feedback").getCollection("student_sessions");
        this.studentInsights = mongo.getDatabase("tango_feedback").getCollection("student_insights");
        Document student =
                studentSessions.find(Filters.eq("_id", templateStudent)).first();
        if (student == null) {
            throw new IllegalStateException("no student_sessions document of " + templateStudent);
        }
        this.entryTemplate = new Document(
                        "e",
                        student.getList("sessions", Document.class).stream()
                                .filter(entry -> templateSession.equals(entry.getString("sessionId")))
                                .findFirst()
                                .orElseThrow())
                .toJson(EXACT);
        this.stored =
                mongo.getDatabase("tango_session").getCollection("sessions").countDocuments();
    }

    List<String> collections() {
        List<String> names = new ArrayList<>();
        templates.keySet().forEach(c -> names.add(c.getNamespace().getFullName()));
        names.add("tango_feedback.student_sessions");
        names.add("tango_feedback.student_insights");
        return names;
    }

    /** Sessions stored now (the session service's collection). */
    long stored() {
        return stored;
    }

    /** Seeds students with {@code perStudent} sessions each until at least {@code total} are stored; returns how many. */
    int seedUpTo(long total, int perStudent) {
        int added = 0;
        List<String> batchStudents = new ArrayList<>();
        while (stored + added < total) {
            batchStudents.add("seed-student-" + (students++));
            added += perStudent;
            if (batchStudents.size() * perStudent >= BATCH) {
                seedStudents(batchStudents, perStudent);
                batchStudents.clear();
            }
        }
        if (!batchStudents.isEmpty()) {
            seedStudents(batchStudents, perStudent);
        }
        stored += added;
        return added;
    }

    /** A new student with {@code sessions} sessions. */
    String studentWithHistory(int sessions) {
        String student = "seed-history-" + sessions + "-" + (students++);
        for (int from = 0; from < sessions; from += BATCH) {
            // One document per student: the entries are added batch by batch.
            seedStudents(List.of(student), Math.min(BATCH, sessions - from));
        }
        stored += sessions;
        return student;
    }

    String someSeededStudent() {
        return firstStudent;
    }

    String someSeededSession() {
        return firstSession;
    }

    private void seedStudents(List<String> studentIds, int perStudent) {
        Map<MongoCollection<Document>, List<Document>> documents = new LinkedHashMap<>();
        for (String student : studentIds) {
            List<Document> entries = new ArrayList<>();
            List<String> sessions = new ArrayList<>();
            for (int i = 0; i < perStudent; i++) {
                String session = UUID.randomUUID().toString();
                sessions.add(session);
                if (firstSession == null) {
                    firstSession = session;
                    firstStudent = student;
                }
                templates.forEach((collection, json) -> documents
                        .computeIfAbsent(collection, c -> new ArrayList<>())
                        .add(Document.parse(copy(json, session, student))));
                entries.add(
                        Document.parse(copy(entryTemplate, session, student)).get("e", Document.class));
            }
            Document existing = studentSessions.find(Filters.eq("_id", student)).first();
            if (existing == null) {
                studentSessions.insertOne(
                        new Document("_id", student).append("sessions", entries).append("version", 0L));
            } else {
                List<Document> all = new ArrayList<>(existing.getList("sessions", Document.class));
                all.addAll(entries);
                studentSessions.replaceOne(Filters.eq("_id", student), existing.append("sessions", all));
            }
            // The list of the student's sessions that feedback-service keeps beside the insights, as it writes it.
            studentInsights.updateOne(
                    Filters.eq("_id", student),
                    Updates.addEachToSet("sessionIds", sessions),
                    new UpdateOptions().upsert(true));
        }
        documents.forEach(MongoCollection::insertMany);
    }

    private String copy(String json, String session, String student) {
        return json.replace(quotedSession, quoted(session)).replace(quotedStudent, quoted(student));
    }

    private static String quoted(String value) {
        return "\"" + value + "\"";
    }
}
