package org.linkwork.notification.inbox;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.RequestScoped;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.linkwork.notification.rules.Recipient;
import org.linkwork.platform.security.Caller;

/**
 * The caller's inbox: notifications addressed to them by username, and those addressed to a role
 * they hold within their organisation (a referrer of practice Y90001 reads the notices for
 * "referrers of Y90001"; a link worker or provider carrying the same {@code org_id} does not).
 * Anything else does not exist for them.
 */
@RequestScoped
public class Inbox {

    private static final String UNREAD_FIRST_NEWEST_FIRST =
            " order by case when readAt is null then 0 else 1 end, createdAt desc, id";

    final Caller caller;

    Inbox(Caller caller) {
        this.caller = caller;
    }

    public InboxPage page(Paging paging) {
        long total = Notification.count(addressedToCaller(), parameters());
        long unread = Notification.count("(" + addressedToCaller() + ") and readAt is null", parameters());
        List<NotificationView> items = List.of();
        if (paging.offset() < total) {
            int first = (int) paging.offset(); // below total, so within int range
            items = Notification.<Notification>find("from Notification where " + addressedToCaller() + UNREAD_FIRST_NEWEST_FIRST,
                            parameters())
                    .range(first, first + paging.size() - 1).list().stream()
                    .map(NotificationView::of).toList();
        }
        return new InboxPage(items, unread, paging.page(), paging.size(), total);
    }

    public Optional<Notification> find(UUID id) {
        return Notification.<Notification>find("id = :id and (" + addressedToCaller() + ")", parameters().and("id", id))
                .firstResultOptional();
    }

    /** The roles the caller holds that an organisation's notices may be addressed to. */
    public static Set<String> organisationRoles(Caller caller) {
        return Recipient.ORGANISATION_ROLES.stream().filter(caller::hasRole).collect(Collectors.toUnmodifiableSet());
    }

    private boolean readsOrganisationNotices() {
        return caller.organisation().isPresent() && !organisationRoles(caller).isEmpty();
    }

    private String addressedToCaller() {
        String toUser = "(recipientType = 'user' and recipient = :username)";
        return readsOrganisationNotices()
                ? toUser + " or (recipientType = 'organisation' and recipient = :organisation and recipientRole in :roles)"
                : toUser;
    }

    private Parameters parameters() {
        Parameters p = Parameters.with("username", caller.username());
        if (readsOrganisationNotices()) {
            p.and("organisation", caller.organisation().orElseThrow()).and("roles", organisationRoles(caller));
        }
        return p;
    }
}
