/** API tokens in MongoDB (collection api_tokens), keyed by the SHA-256 hash so each API call is one _id lookup. */
package dev.tango.gateway.token.mongo;
