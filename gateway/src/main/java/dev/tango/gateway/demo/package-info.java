/** Demo users for the local profile only: known ids and demo passwords, never used anywhere else. */
package dev.tango.gateway.demo;
