package dev.tango.gateway.ui;

import java.util.List;

/** A message that something was not done: one sentence that says what happened, then the details. */
record PageAlert(String title, List<String> details) {

    PageAlert {
        details = details == null ? List.of() : List.copyOf(details);
    }

    static PageAlert of(String title, String... details) {
        return new PageAlert(title, List.of(details));
    }
}
