package org.linkwork.referral.lifecycle;

import org.linkwork.events.ReferralStatus;
import org.linkwork.referral.Referral;

/**
 * A referral changed status; fired inside the transaction of the change, after the referral holds its
 * new status, so what follows from it (Tasks of referring systems, open activity referrals) commits
 * or rolls back with it.
 */
public record ReferralMoved(Referral referral, ReferralStatus from, ReferralStatus to, String by, String role, String reasonCode) {
}
