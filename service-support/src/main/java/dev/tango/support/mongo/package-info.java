/** MongoDB wiring every service shares, limited to what both real MongoDB and the embedded server support. */
package dev.tango.support.mongo;
