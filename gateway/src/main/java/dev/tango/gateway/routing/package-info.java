/** Routing of /api/** to the services: the bearer JWT relay and the base URLs of the services. */
package dev.tango.gateway.routing;
