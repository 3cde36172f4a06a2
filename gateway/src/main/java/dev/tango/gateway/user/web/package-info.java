/** The admin JSON API for users under /api/users (ADMIN only). */
package dev.tango.gateway.user.web;
