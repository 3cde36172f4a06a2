/** RFC 9457 problem details for the gateway's own APIs and for security refusals on /api/**. */
package dev.tango.gateway.problem;
