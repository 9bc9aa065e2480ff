package org.linkwork.referral.loop;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.linkwork.referral.Person;
import org.linkwork.referral.Referral;
import org.linkwork.referral.assessment.Assessment;

/**
 * The least a provider needs to deliver an activity to someone: what to call them, how to reach them
 * if the person agreed, the language they prefer, and what they need to take part (accessibility
 * codes from the latest assessment). Never the family name, NHS number, date of birth, address,
 * e-mail, needs, reason or notes. Shown only while the activity referral is open.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProviderPerson(String personRef, String givenName, String phone, String language, List<String> accessibilityRequirements) {

    public static Optional<ProviderPerson> of(ActivityReferral a, Referral referral, ObjectMapper json) {
        Person p = referral.person;
        if (!a.status.isOpen() || p.erased() || referral.consentWithdrawnAt != null) {
            return Optional.empty();
        }
        return Optional.of(new ProviderPerson(p.personRef, firstName(p.givenName), a.shareContact ? p.phone : null, p.language,
                accessibility(referral, json)));
    }

    /** "Ann Marie" is called Ann. */
    private static String firstName(String given) {
        if (given == null || given.isBlank()) {
            return null;
        }
        return given.strip().split("\\s+")[0];
    }

    static List<String> accessibility(Referral referral, ObjectMapper json) {
        Assessment latest = Assessment.<Assessment>find("referralId = ?1 order by assessedAt desc", referral.id).firstResult();
        List<String> codes = new ArrayList<>();
        if (latest == null || latest.details == null) {
            return codes;
        }
        try {
            JsonNode node = json.readTree(latest.details).path("accessibilityRequirements");
            node.forEach(n -> codes.add(n.asText()));
        } catch (java.io.IOException e) {
            // an unreadable assessment gives the provider nothing rather than a failure
        }
        return codes;
    }
}
