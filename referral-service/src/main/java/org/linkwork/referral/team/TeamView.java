package org.linkwork.referral.team;

import java.util.List;

public record TeamView(String id, String name, String organisation, List<String> practices, List<String> areas, List<Member> members) {

    public record Member(String username, String displayName, boolean active, long openReferrals) {
    }
}
