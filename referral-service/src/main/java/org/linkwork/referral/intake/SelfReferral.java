package org.linkwork.referral.intake;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.linkwork.events.Need;
import org.linkwork.events.Postcodes;

/**
 * A person referring themselves: no NHS number needed, their needs in their own words, and a way
 * to reach them. Ticking needs from the list helps matching but is optional.
 */
public record SelfReferral(
        @NotBlank @Size(max = 100) String givenName,
        @NotBlank @Size(max = 100) String familyName,
        @Past LocalDate dateOfBirth,
        @NotBlank @Pattern(regexp = Postcodes.PATTERN, message = "not a UK postcode") String postcode,
        @Size(max = 20) @Pattern(regexp = Contact.PHONE, message = "not a telephone number") String phone,
        @Size(max = 254) @Email String email,
        @NhsNumber String nhsNumber,
        @Pattern(regexp = "^[A-Z0-9]{3,10}$", message = "not an ODS code") String practice,
        @NotBlank @Size(max = 2000) String inOwnWords,
        @Size(max = 10) List<@NotNull Need> needs,
        @NotNull @AssertTrue(message = "we need your agreement to pass your details to a link worker") Boolean consent,
        @Pattern(regexp = Contact.CHANNEL, message = "one of email, sms, letter, none") String preferredChannel,
        @Pattern(regexp = Contact.LANGUAGE, message = "a language tag such as en or cy") String language) {

    @JsonIgnore
    @AssertTrue(message = "give a telephone number or an e-mail address, so a link worker can reach you")
    public boolean isReachable() {
        return (phone != null && !phone.isBlank()) || (email != null && !email.isBlank());
    }

    Arrival arrival() {
        return new Arrival("self", practice, null, nhsNumber == null || nhsNumber.isBlank() ? null : nhsNumber.replace(" ", ""),
                givenName.strip(), familyName.strip(), dateOfBirth, postcode, phone, email, null, null, preferredChannel, language,
                needs == null ? List.of() : needs, null, inOwnWords.strip(), "routine", Instant.now(), null);
    }
}
