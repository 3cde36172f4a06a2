/**
 * MongoDB storage of rubrics: one document per rubric version ({@code rubrics}, {@code _id} = {@code <id>:v<n>}) and
 * one per program with its append-only rubric assignments ({@code program_rubrics}); conditional updates by
 * {@code _id} and revision, no transactions.
 */
package dev.tango.scoring.rubric.mongo;
