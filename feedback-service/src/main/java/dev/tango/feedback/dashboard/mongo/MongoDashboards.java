package dev.tango.feedback.dashboard.mongo;

import dev.tango.events.UserId;
import dev.tango.feedback.dashboard.Dashboards;
import dev.tango.feedback.dashboard.StudentSessions;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Dashboards by {@code _id} (the student id), saved with optimistic locking on {@code version}. */
@Repository
class MongoDashboards implements Dashboards {

    private final StudentSessionsRepository documents;

    MongoDashboards(StudentSessionsRepository documents) {
        this.documents = documents;
    }

    @Override
    public Mono<StudentSessions> find(UserId studentId) {
        return documents.findById(studentId.value()).map(StudentSessionsDocument::toDashboard);
    }

    @Override
    public Mono<StudentSessions> save(StudentSessions dashboard) {
        return documents.save(StudentSessionsDocument.of(dashboard)).map(StudentSessionsDocument::toDashboard);
    }
}
