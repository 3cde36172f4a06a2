/** The admin JSON API for API tokens under /api/tokens (ADMIN only). */
package dev.tango.gateway.token.web;
