package org.linkwork.notification.people;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Optional;

/**
 * RESTRICTED: how to reach one person and how they want to be reached, as referral-service last
 * published it on {@code person-contact-changed}. Never logged, never copied into another table or
 * event; {@link #toString()} says nothing about the person.
 */
@Entity
@Table(name = "person_contact")
public class PersonContact extends PanacheEntityBase {

    @Id
    @Column(name = "person_ref")
    public String personRef;

    @Column(name = "display_name")
    public String displayName;

    public String email;

    @Column(name = "mobile_phone")
    public String mobilePhone;

    /** {@code email}, {@code sms}, {@code letter} or {@code none}. */
    @Column(name = "preferred_channel")
    public String preferredChannel;

    public String language;

    @Column(name = "quiet_hours_start")
    public LocalTime quietHoursStart;

    @Column(name = "quiet_hours_end")
    public LocalTime quietHoursEnd;

    @Column(name = "opted_out")
    public boolean optedOut;

    @Column(name = "consent_withdrawn")
    public boolean consentWithdrawn;

    @Column(name = "changed_at")
    public Instant changedAt;

    /** True when the person is to get nothing at all. */
    public boolean wantsNothing() {
        return optedOut || consentWithdrawn;
    }

    public Optional<QuietHours> quietHours() {
        return quietHoursStart == null || quietHoursEnd == null ? Optional.empty()
                : Optional.of(new QuietHours(quietHoursStart, quietHoursEnd));
    }

    @Override
    public String toString() {
        return "PersonContact[" + personRef + "]";
    }
}
