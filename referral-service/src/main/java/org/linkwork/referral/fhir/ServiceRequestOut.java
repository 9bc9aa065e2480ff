package org.linkwork.referral.fhir;

import java.util.Date;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.linkwork.events.Need;
import org.linkwork.referral.Person;
import org.linkwork.referral.Referral;

/** A stored referral as a FHIR R4 ServiceRequest, the person and consent contained, as the referring system sent them. */
final class ServiceRequestOut {

    private ServiceRequestOut() {
    }

    static ServiceRequest of(Referral r) {
        ServiceRequest sr = new ServiceRequest();
        sr.setId(r.id.toString());
        sr.getMeta().setLastUpdated(Date.from(r.updatedAt)).setVersionId(Long.toString(r.version));
        sr.addIdentifier().setSystem(FhirCodes.REFERRAL_ID).setValue(r.id.toString());
        sr.setStatus(statusOf(r));
        sr.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
        sr.setCode(new CodeableConcept().addCoding(new Coding(FhirCodes.SNOMED, FhirCodes.SOCIAL_PRESCRIBING_REFERRAL,
                "Referral to social prescribing service")));
        sr.setPriority("urgent".equals(r.urgency) ? ServiceRequest.ServiceRequestPriority.URGENT : ServiceRequest.ServiceRequestPriority.ROUTINE);
        sr.setAuthoredOn(Date.from(r.receivedAt));

        Person p = r.person;
        Patient patient = new Patient();
        patient.setId("patient");
        if (!p.erased()) {
            patient.addIdentifier().setSystem(FhirCodes.NHS_NUMBER).setValue(p.nhsNumber);
            patient.addName().setUse(org.hl7.fhir.r4.model.HumanName.NameUse.OFFICIAL).setFamily(p.familyName).addGiven(p.givenName);
            if (p.dateOfBirth != null) {
                patient.setBirthDate(java.sql.Date.valueOf(p.dateOfBirth));
            }
            patient.addAddress().setPostalCode(p.postcode);
            if (p.phone != null) {
                patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(p.phone);
            }
            if (p.email != null) {
                patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue(p.email);
            }
            if (p.sex != null) {
                patient.setGender(switch (p.sex) {
                    case "female" -> Enumerations.AdministrativeGender.FEMALE;
                    case "male" -> Enumerations.AdministrativeGender.MALE;
                    case "other" -> Enumerations.AdministrativeGender.OTHER;
                    default -> Enumerations.AdministrativeGender.UNKNOWN;
                });
            }
        }
        sr.addContained(patient);
        sr.setSubject(new Reference("#patient"));

        if (r.referrerOrganization != null) {
            Organization practice = new Organization();
            practice.setId("practice");
            practice.addIdentifier().setSystem(FhirCodes.ODS_ORGANISATION).setValue(r.referrerOrganization);
            sr.addContained(practice);
            sr.setRequester(new Reference("#practice"));
        }

        CodeableConcept reason = new CodeableConcept();
        for (String code : r.needCodes()) {
            reason.addCoding(need(code));
        }
        if (r.reason != null) {
            reason.setText(r.reason);
        }
        sr.addReasonCode(reason);

        Consent consent = consent(r);
        consent.setId("consent");
        consent.setPatient(new Reference("#patient"));
        sr.addContained(consent);
        sr.addSupportingInfo(new Reference("#consent"));
        return sr;
    }

    /** A need code as a coding, the need's name in words as its display. */
    static Coding need(String code) {
        return new Coding(FhirCodes.NEED, code, Need.fromCode(code).name().toLowerCase().replace('_', ' '));
    }

    /** The person's consent to the referral: active until withdrawn, dated when it was recorded; the caller names the patient. */
    static Consent consent(Referral r) {
        Consent consent = new Consent();
        consent.setStatus(r.consentWithdrawnAt != null ? Consent.ConsentState.INACTIVE : Consent.ConsentState.ACTIVE);
        consent.setScope(new CodeableConcept().addCoding(new Coding(FhirCodes.CONSENT_SCOPE, "patient-privacy", "Privacy Consent")));
        consent.addCategory(new CodeableConcept().addCoding(new Coding(FhirCodes.CONSENT_CATEGORY, FhirCodes.PATIENT_CONSENT, "Patient consent")));
        consent.setDateTime(Date.from(r.consentRecordedAt));
        return consent;
    }

    private static ServiceRequest.ServiceRequestStatus statusOf(Referral r) {
        return switch (r.status) {
            case COMPLETED, CLOSED -> ServiceRequest.ServiceRequestStatus.COMPLETED;
            case DECLINED, REJECTED, UNABLE_TO_CONTACT, WITHDRAWN -> ServiceRequest.ServiceRequestStatus.REVOKED;
            default -> ServiceRequest.ServiceRequestStatus.ACTIVE;
        };
    }
}
