/** Cross-cutting wiring shared by every Tango service; nothing domain-specific lives here. */
package dev.tango.support;
