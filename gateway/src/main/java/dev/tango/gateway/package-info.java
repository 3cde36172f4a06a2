/** The edge of Tango: web UI, sign-in, users and roles, service tokens, and routing of /api/** to the services. */
package dev.tango.gateway;
