package org.linkwork.referral.privacy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.linkwork.platform.outbox.Outbox;
import org.linkwork.platform.problem.ProblemException;
import org.linkwork.referral.CareTeamAccess;
import org.linkwork.referral.Person;
import org.linkwork.referral.Referral;
import org.linkwork.referral.intake.ReferralView;
import org.linkwork.referral.timeline.Timeline;

@Path("/referrals/{id}/contact")
@Produces(MediaType.APPLICATION_JSON)
public class ContactResource {

    private static final String TIME = "^([01][0-9]|2[0-3]):[0-5][0-9]$";

    final CareTeamAccess access;
    final Outbox outbox;
    final Timeline timeline;
    final AuditLog audit;

    ContactResource(CareTeamAccess access, Outbox outbox, Timeline timeline, AuditLog audit) {
        this.access = access;
        this.outbox = outbox;
        this.timeline = timeline;
        this.audit = audit;
    }

    /** How the person wants to be reached; the whole set, replaced. */
    public record ContactDetails(
            @Size(max = 20) @Pattern(regexp = "^\\+?[0-9 ]{7,20}$", message = "not a telephone number") String phone,
            @Size(max = 254) @Email String email,
            @NotNull @Pattern(regexp = "^(email|sms|letter|none)$", message = "one of email, sms, letter, none") String preferredChannel,
            @NotNull @Pattern(regexp = "^[a-z]{2,3}$", message = "a language tag such as en or cy") String language,
            @Pattern(regexp = TIME, message = "a time as HH:mm") String quietHoursStart,
            @Pattern(regexp = TIME, message = "a time as HH:mm") String quietHoursEnd,
            boolean optedOut) {
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"link-worker", "admin"})
    @Transactional
    @Operation(summary = "Change how the person is reached",
            description = "Contact details travel only on the restricted person-contact-changed topic.")
    public ReferralView update(@PathParam("id") UUID id, @NotNull @Valid ContactDetails request) {
        Referral referral = access.referralVisibleToCaller(id);
        Person person = referral.person;
        if (person.erased()) {
            throw ProblemException.notFound("person");
        }
        if ((request.quietHoursStart() == null) != (request.quietHoursEnd() == null)) {
            throw ProblemException.invalid(request.quietHoursStart() == null ? "quietHoursStart" : "quietHoursEnd",
                    "quiet hours need both a start and an end");
        }
        if ("email".equals(request.preferredChannel()) && request.email() == null) {
            throw ProblemException.invalid("email", "an e-mail address is needed to prefer e-mail");
        }
        if ("sms".equals(request.preferredChannel()) && request.phone() == null) {
            throw ProblemException.invalid("phone", "a mobile number is needed to prefer text messages");
        }
        person.phone = request.phone();
        person.email = request.email();
        person.preferredChannel = request.preferredChannel();
        person.language = request.language();
        person.quietHoursStart = request.quietHoursStart();
        person.quietHoursEnd = request.quietHoursEnd();
        person.optedOut = request.optedOut();
        timeline.add(referral, "contact", "Contact preferences updated", access.caller().username(), access.actingRole());
        audit.record("update-contact", referral, null);
        outbox.publish(person.contactEvent(Consent.withdrawnForGood(person), Instant.now()));
        return ReferralView.of(referral);
    }
}
