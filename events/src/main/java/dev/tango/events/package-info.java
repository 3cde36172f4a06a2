/** Event contracts shared by every Tango service: envelope, typed ids, topics and the wire codec. */
package dev.tango.events;
