/** Who is calling: sign-in (form or OpenID Connect), API tokens, login throttling, and the access rules. */
package dev.tango.gateway.security;
