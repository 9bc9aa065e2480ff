package org.linkwork.referral.intake;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.linkwork.events.Need;
import org.linkwork.events.Postcodes;

/** A referral as a partner system or a referrer sends it. */
public record NewReferral(
        @NotNull @Valid Person person,
        @NotEmpty @Size(max = 10) List<@NotNull Need> needs,
        @Size(max = 2000) String reason,
        Urgency urgency,
        @NotNull @Valid Consent consent,
        @Valid DuplicateOverride duplicateOverride) {

    public record Person(
            @NotBlank @NhsNumber String nhsNumber,
            @NotBlank @Size(max = 100) String givenName,
            @NotBlank @Size(max = 100) String familyName,
            @NotNull @Past LocalDate dateOfBirth,
            @NotBlank @Pattern(regexp = Postcodes.PATTERN, message = "not a UK postcode") String postcode,
            @Size(max = 20) @Pattern(regexp = Contact.PHONE, message = "not a telephone number") String phone,
            @Size(max = 254) @Email String email,
            @Pattern(regexp = Contact.SEX, message = "one of female, male, other, not-stated") String sex,
            @Pattern(regexp = Contact.ETHNICITY, message = "one of asian, black, mixed, white, other, not-stated") String ethnicityGroup,
            @Pattern(regexp = Contact.CHANNEL, message = "one of email, sms, letter, none") String preferredChannel,
            @Pattern(regexp = Contact.LANGUAGE, message = "a language tag such as en or cy") String language) {
    }

    public record Consent(
            @NotNull @AssertTrue(message = "the person must have consented to the referral") Boolean given,
            @NotNull @PastOrPresent Instant recordedAt) {
    }

    /** The referrer knows of the open referral and refers again anyway, saying why. */
    public record DuplicateOverride(@NotBlank @Size(max = 500) String reason) {
    }

    public enum Urgency {
        routine, urgent
    }

    public Urgency urgencyOrRoutine() {
        return urgency == null ? Urgency.routine : urgency;
    }

    Arrival arrival(String source, String organisation, String referrer) {
        return new Arrival(source, organisation, referrer, person.nhsNumber().replace(" ", ""), person.givenName().strip(),
                person.familyName().strip(), person.dateOfBirth(), person.postcode(), person.phone(), person.email(), person.sex(),
                person.ethnicityGroup(), person.preferredChannel(), person.language(), needs, reason, null,
                urgencyOrRoutine().name(), consent.recordedAt(), duplicateOverride == null ? null : duplicateOverride.reason());
    }
}
