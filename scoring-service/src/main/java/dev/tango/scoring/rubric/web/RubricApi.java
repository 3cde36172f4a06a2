package dev.tango.scoring.rubric.web;

import dev.tango.scoring.rubric.RubricValidator;

/** Rules the API documents. */
final class RubricApi {

    /** {@link RubricValidator#ID_PATTERN}, at most 64 characters, for the OpenAPI document. */
    static final String ID_PATTERN = "^" + RubricValidator.ID_PATTERN + "$";

    private RubricApi() {}
}
