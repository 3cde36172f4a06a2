/** GET /.well-known/jwks.json: the public half of the service-token signing key, for the services to verify with. */
package dev.tango.gateway.jwt.web;
