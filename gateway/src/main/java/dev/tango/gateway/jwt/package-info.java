/** Service tokens: the RS256 JWTs the gateway signs for every call it makes or forwards to a service. */
package dev.tango.gateway.jwt;
