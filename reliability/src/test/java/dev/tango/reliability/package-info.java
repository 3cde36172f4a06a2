/**
 * The reliability and security suite (RELIABILITY.md): the whole platform on the embedded default, each part a
 * separate OS process, under faults and hostile input. Tag {@code smoke} runs in the default test command; {@code
 * faults} and {@code hostile} with {@code -Preliability}.
 */
package dev.tango.reliability;
