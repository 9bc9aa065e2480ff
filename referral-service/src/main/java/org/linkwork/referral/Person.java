package org.linkwork.referral;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.linkwork.events.PersonContactChanged;
import org.linkwork.referral.privacy.Encrypted;
import org.linkwork.referral.privacy.FieldEncryption;

/**
 * A person referred. Their identifying details live here and nowhere else in the platform: every
 * event and every other service knows them only by {@link #personRef}. The NHS number and contact
 * details are encrypted at rest; equality lookups use keyed hashes.
 */
@Entity
public class Person extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "person_ref")
    public String personRef;

    @Convert(converter = Encrypted.class)
    @Column(name = "nhs_number")
    public String nhsNumber;

    @Column(name = "nhs_number_index")
    public String nhsNumberIndex;

    @Column(name = "identity_index")
    public String identityIndex;

    @Column(name = "given_name")
    public String givenName;

    @Column(name = "family_name")
    public String familyName;

    @Column(name = "date_of_birth")
    public LocalDate dateOfBirth;

    @Convert(converter = Encrypted.class)
    public String postcode;

    @Column(name = "postcode_district")
    public String postcodeDistrict;

    @Convert(converter = Encrypted.class)
    public String phone;

    @Convert(converter = Encrypted.class)
    public String email;

    public String sex;

    @Column(name = "ethnicity_group")
    public String ethnicityGroup;

    @Column(name = "preferred_channel")
    public String preferredChannel = "none";

    public String language = "en";

    @Column(name = "quiet_hours_start")
    public String quietHoursStart;

    @Column(name = "quiet_hours_end")
    public String quietHoursEnd;

    @Column(name = "opted_out")
    public boolean optedOut;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "erased_at")
    public Instant erasedAt;

    public static Optional<Person> findByNhsNumber(String nhsNumber) {
        return find("nhsNumberIndex", FieldEncryption.configured().index(nhsNumber)).firstResultOptional();
    }

    /** People without an NHS number (self-referrals) are recognised by name and date of birth. */
    public static Optional<Person> findByIdentity(String givenName, String familyName, LocalDate dateOfBirth) {
        String index = identityIndexOf(givenName, familyName, dateOfBirth);
        return index == null ? Optional.empty() : find("identityIndex", index).firstResultOptional();
    }

    public static String identityIndexOf(String givenName, String familyName, LocalDate dateOfBirth) {
        if (givenName == null || familyName == null || dateOfBirth == null) {
            return null;
        }
        return FieldEncryption.configured().index(givenName.strip().toLowerCase(Locale.ROOT) + "|"
                + familyName.strip().toLowerCase(Locale.ROOT) + "|" + dateOfBirth);
    }

    public void setNhsNumber(String nhsNumber) {
        this.nhsNumber = nhsNumber;
        this.nhsNumberIndex = FieldEncryption.configured().index(nhsNumber);
    }

    public void refreshIdentityIndex() {
        this.identityIndex = identityIndexOf(givenName, familyName, dateOfBirth);
    }

    public String displayName() {
        if (givenName == null && familyName == null) {
            return null;
        }
        return ((givenName == null ? "" : givenName) + " " + (familyName == null ? "" : familyName)).strip();
    }

    /** A UK mobile number (07…, +447…) that can take text messages, if the phone is one. */
    public String mobileOrNull() {
        if (phone == null) {
            return null;
        }
        String digits = phone.replace(" ", "");
        return digits.startsWith("07") || digits.startsWith("+447") ? phone : null;
    }

    public boolean erased() {
        return erasedAt != null;
    }

    /** How to reach this person, for the restricted topic only. */
    public PersonContactChanged contactEvent(boolean consentWithdrawn, Instant at) {
        return new PersonContactChanged(personRef, givenName, email, phone, preferredChannel, language, quietHoursStart,
                quietHoursEnd, optedOut, consentWithdrawn, at);
    }

    public static Person create() {
        Person p = new Person();
        p.id = UUID.randomUUID();
        p.personRef = "p-" + UUID.randomUUID();
        p.createdAt = Instant.now();
        return p;
    }
}
