package dev.tango.feedback.comments.mongo;

import org.springframework.data.repository.reactive.ReactiveCrudRepository;

interface SessionCommentsRepository extends ReactiveCrudRepository<SessionCommentsDocument, String> {}
