/**
 * HTTP API of rubrics under {@code /api/scoring/rubrics} (versions, drafts, publishing, import and export) and of the
 * rubric each program uses under {@code /api/scoring/programs/{programId}/rubric}.
 */
package dev.tango.scoring.rubric.web;
