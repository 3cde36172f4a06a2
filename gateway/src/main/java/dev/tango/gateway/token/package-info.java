/** Bearer tokens for API clients: issued by an admin, shown once, stored only as a SHA-256 hash, revocable. */
package dev.tango.gateway.token;
