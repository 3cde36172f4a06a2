/** {@code Idempotency-Key} on write requests: a retried request is answered with the stored result, not run twice. */
package dev.tango.support.idempotency;
