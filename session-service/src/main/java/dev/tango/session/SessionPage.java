package dev.tango.session;

import java.util.List;

/**
 * One page of a session list.
 *
 * @param total how many sessions match, over all pages
 */
public record SessionPage(List<PracticeSession> items, int page, int size, long total) {

    public SessionPage {
        items = List.copyOf(items);
    }

    public static SessionPage empty(SessionQuery query) {
        return new SessionPage(List.of(), query.page(), query.size(), 0);
    }
}
