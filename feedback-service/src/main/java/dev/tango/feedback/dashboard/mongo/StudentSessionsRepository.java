package dev.tango.feedback.dashboard.mongo;

import org.springframework.data.repository.reactive.ReactiveCrudRepository;

interface StudentSessionsRepository extends ReactiveCrudRepository<StudentSessionsDocument, String> {}
