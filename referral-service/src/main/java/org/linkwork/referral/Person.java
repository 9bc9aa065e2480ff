package org.linkwork.referral;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * A person referred. Their identifying details live here and nowhere else in the platform: every
 * event and every other service knows them only by {@link #personRef}.
 */
@Entity
public class Person extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "person_ref")
    public String personRef;

    @Column(name = "nhs_number")
    public String nhsNumber;

    @Column(name = "given_name")
    public String givenName;

    @Column(name = "family_name")
    public String familyName;

    @Column(name = "date_of_birth")
    public LocalDate dateOfBirth;

    public String postcode;
    public String phone;
    public String email;

    @Column(name = "created_at")
    public Instant createdAt;

    public static Optional<Person> findByNhsNumber(String nhsNumber) {
        return find("nhsNumber", nhsNumber).firstResultOptional();
    }

    public static Person create() {
        Person p = new Person();
        p.id = UUID.randomUUID();
        p.personRef = "p-" + UUID.randomUUID();
        p.createdAt = Instant.now();
        return p;
    }
}
