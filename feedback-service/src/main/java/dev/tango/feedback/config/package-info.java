/** Cross-cutting wiring of feedback-service: the topics it declares and how domain rules answer over HTTP. */
package dev.tango.feedback.config;
