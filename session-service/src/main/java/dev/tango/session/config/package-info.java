/** Cross-cutting wiring of session-service that is not about sessions. */
package dev.tango.session.config;
