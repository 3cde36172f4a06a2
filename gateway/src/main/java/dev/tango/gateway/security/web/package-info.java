/** GET /api/me: who the gateway thinks the caller is. */
package dev.tango.gateway.security.web;
