/** People who use Tango: their roles, programs, active flag and password hash, and the rules for changing them. */
package dev.tango.gateway.user;
