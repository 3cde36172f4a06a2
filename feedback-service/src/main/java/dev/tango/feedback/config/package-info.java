/** Cross-cutting wiring of feedback-service: the topics it declares. */
package dev.tango.feedback.config;
