package dev.tango.session.web;

import dev.tango.session.SessionPage;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

@Schema(description = "One page of sessions, newest scheduled first")
record SessionPageView(
        List<SessionView> items,
        @Schema(description = "from 0") int page,
        int size,

        @Schema(description = "sessions that match, over all pages")
        long total) {

    static SessionPageView of(SessionPage page) {
        return new SessionPageView(
                page.items().stream().map(SessionView::of).toList(), page.page(), page.size(), page.total());
    }
}
