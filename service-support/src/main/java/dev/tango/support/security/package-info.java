/** Every service is an OAuth2 resource server: who the caller is, from a verified JWT, and what they may see. */
package dev.tango.support.security;
