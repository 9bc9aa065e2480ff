package org.linkwork.referral.caseload;

import java.util.List;

public record CaseloadPage(List<CaseloadEntry> items, long total, int page, int size) {
}
