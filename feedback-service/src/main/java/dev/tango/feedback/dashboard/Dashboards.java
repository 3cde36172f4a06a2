package dev.tango.feedback.dashboard;

import dev.tango.events.UserId;
import reactor.core.publisher.Mono;

/**
 * Where dashboards are kept, one per student. Saving is conditional on the version read: a concurrent change fails
 * the save with an {@link org.springframework.dao.OptimisticLockingFailureException} (or a
 * {@link org.springframework.dao.DuplicateKeyException} when two first saves race).
 */
public interface Dashboards {

    Mono<StudentSessions> find(UserId studentId);

    Mono<StudentSessions> save(StudentSessions dashboard);
}
