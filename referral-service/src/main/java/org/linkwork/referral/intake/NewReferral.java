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
        @NotNull @Valid Consent consent) {

    public record Person(
            @NotBlank @NhsNumber String nhsNumber,
            @NotBlank @Size(max = 100) String givenName,
            @NotBlank @Size(max = 100) String familyName,
            @NotNull @Past LocalDate dateOfBirth,
            @NotBlank @Pattern(regexp = Postcodes.PATTERN, message = "not a UK postcode") String postcode,
            @Size(max = 20) @Pattern(regexp = "^\\+?[0-9 ]{7,20}$", message = "not a telephone number") String phone,
            @Size(max = 254) @Email String email) {
    }

    public record Consent(
            @NotNull @AssertTrue(message = "the person must have consented to the referral") Boolean given,
            @NotNull @PastOrPresent Instant recordedAt) {
    }

    public enum Urgency {
        routine, urgent
    }

    public Urgency urgencyOrRoutine() {
        return urgency == null ? Urgency.routine : urgency;
    }
}
