package org.linkwork.notification.inbox;

import java.util.List;

/** One page of an inbox, with the counts a badge and a pager need. */
public record InboxPage(List<NotificationView> items, long unread, int page, int size, long total) {
}
