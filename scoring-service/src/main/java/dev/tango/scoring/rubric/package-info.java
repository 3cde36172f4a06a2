/**
 * Rubrics as data: phases with their partnering markers, anti-signals and the scoring parameters, versioned (a
 * published version never changes), the built-in partnership rubric, and which rubric version each program uses.
 */
package dev.tango.scoring.rubric;
