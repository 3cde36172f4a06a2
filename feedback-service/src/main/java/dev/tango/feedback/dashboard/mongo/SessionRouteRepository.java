package dev.tango.feedback.dashboard.mongo;

import org.springframework.data.repository.reactive.ReactiveCrudRepository;

interface SessionRouteRepository extends ReactiveCrudRepository<SessionRouteDocument, String> {}
