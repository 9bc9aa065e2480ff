package org.linkwork.referral.notes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;
import org.linkwork.referral.Referral;
import org.linkwork.referral.privacy.Encrypted;

/** A care-team note about a referral. Free text about a person: encrypted, and never in an event. */
@Entity
public class Note extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "referral_id")
    public UUID referralId;

    public String author;

    @Column(name = "author_role")
    public String authorRole;

    @Convert(converter = Encrypted.class)
    public String text;

    @Column(name = "created_at")
    public Instant createdAt;

    public static Note add(Referral referral, String author, String role, String text) {
        Note note = new Note();
        note.id = UUID.randomUUID();
        note.referralId = referral.id;
        note.author = author;
        note.authorRole = role;
        note.text = text;
        note.createdAt = Instant.now();
        note.persist();
        return note;
    }
}
