/** Cross-cutting wiring of scoring-service: the topics it declares. */
package dev.tango.scoring.config;
