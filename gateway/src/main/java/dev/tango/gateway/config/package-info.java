/** Cross-cutting wiring: clock, password encoder, typed-id conversion, OpenAPI description. */
package dev.tango.gateway.config;
