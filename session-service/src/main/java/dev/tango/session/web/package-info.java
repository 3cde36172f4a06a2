/** HTTP API for sessions under /api/sessions: JSON in and out, RFC 9457 problems for every error. */
package dev.tango.session.web;
