package org.linkwork.referral.fhir;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.linkwork.referral.CareTeamAccess;
import org.linkwork.referral.Referral;
import org.linkwork.referral.loop.ActivityAccess;
import org.linkwork.referral.loop.ActivityReferral;
import org.linkwork.referral.loop.ProviderPerson;
import org.linkwork.referral.privacy.AuditLog;

/** What a provider's light client reads behind its Tasks: the person (the minimum necessary) and their consent. */
@Path("/fhir")
public class ProviderReadResource {

    final ActivityAccess activities;
    final CareTeamAccess careTeam;
    final AuditLog audit;
    final ObjectMapper json;

    ProviderReadResource(ActivityAccess activities, CareTeamAccess careTeam, AuditLog audit, ObjectMapper json) {
        this.activities = activities;
        this.careTeam = careTeam;
        this.audit = audit;
        this.json = json;
    }

    @GET
    @Path("/Patient/{id}")
    @Produces(FhirResponses.FHIR_JSON)
    @RolesAllowed("provider")
    @Transactional
    @Operation(summary = "The person behind your open activity referral, minimum necessary",
            description = "First name, phone only if the person agreed, language, accessibility requirements; nothing else. "
                    + "Readable while an activity referral to your organisation is open.")
    public Response patient(@PathParam("id") String personRef) {
        for (ActivityReferral a : ActivityReferral.<ActivityReferral>list(
                "referralId in (select r.id from Referral r where r.person.personRef = ?1) order by updatedAt desc", personRef)) {
            if (!activities.isOwner(a)) {
                continue;
            }
            Referral referral = a.referral();
            ProviderPerson person = ProviderPerson.of(a, referral, json).orElse(null);
            if (person != null) {
                audit.record("provider-read", referral, a.id.toString());
                return Response.ok(FhirResponses.json(patient(person)), FhirResponses.FHIR_JSON).build();
            }
        }
        return FhirResponses.notFound("Patient");
    }

    @GET
    @Path("/Consent/{id}")
    @Produces(FhirResponses.FHIR_JSON)
    @RolesAllowed({"referrer", "link-worker", "provider", "admin"})
    @Transactional
    @Operation(summary = "The person's consent to the referral (its id is the referral's)")
    public Response consent(@PathParam("id") String id) {
        UUID uuid = FhirResponses.uuid(id);
        Referral referral = uuid == null ? null : Referral.findById(uuid);
        if (referral == null || !(careTeam.canSee(referral)
                || ActivityReferral.ofReferral(referral.id).stream().anyMatch(activities::isOwner))) {
            return FhirResponses.notFound("Consent");
        }
        Consent consent = ServiceRequestOut.consent(referral);
        consent.setId(referral.id.toString());
        consent.getMeta().setLastUpdated(Date.from(referral.updatedAt));
        consent.setPatient(new Reference("Patient/" + referral.person.personRef));
        return Response.ok(FhirResponses.json(consent), FhirResponses.FHIR_JSON).build();
    }

    static Patient patient(ProviderPerson person) {
        Patient p = new Patient();
        p.setId(person.personRef());
        p.addIdentifier().setSystem(FhirCodes.PERSON_REF).setValue(person.personRef());
        if (person.givenName() != null) {
            p.addName().setUse(org.hl7.fhir.r4.model.HumanName.NameUse.USUAL).addGiven(person.givenName());
        }
        if (person.phone() != null) {
            p.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(person.phone());
        }
        if (person.language() != null) {
            p.addCommunication().setPreferred(true).setLanguage(new CodeableConcept()
                    .addCoding(new Coding("urn:ietf:bcp:47", person.language(), null)));
        }
        for (String code : person.accessibilityRequirements() == null ? List.<String>of() : person.accessibilityRequirements()) {
            p.addExtension(FhirCodes.ACCESSIBILITY_EXTENSION, new Coding("urn:linkwork:accessibility-requirement", code, null));
        }
        return p;
    }
}
