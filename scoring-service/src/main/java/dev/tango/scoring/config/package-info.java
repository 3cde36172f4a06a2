/** Cross-cutting wiring of scoring-service: topics it declares and how typed ids are stored. */
package dev.tango.scoring.config;
