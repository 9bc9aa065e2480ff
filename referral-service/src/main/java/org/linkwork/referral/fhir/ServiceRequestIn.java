package org.linkwork.referral.fhir;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import org.linkwork.events.Need;
import org.linkwork.events.Postcodes;
import org.linkwork.referral.intake.Arrival;
import org.linkwork.referral.intake.NhsNumber;

/**
 * Reads a social prescribing referral sent as a FHIR R4 ServiceRequest, shaped after the SDOH
 * Clinical Care (Gravity) guide and the PRSB social prescribing referral: the person as a contained
 * Patient, consent as a contained Consent referenced from {@code supportingInfo}, the practice by
 * ODS code on the requester, needs as {@code reasonCode} codings from {@code urn:linkwork:need}
 * (their text kept as the reason). Every problem found is reported at its FHIRPath.
 */
final class ServiceRequestIn {

    private ServiceRequestIn() {
    }

    record Read(Arrival arrival, String practice) {
    }

    static Read read(ServiceRequest sr, String callerOrganisation, String referrer, FhirIssues issues) {
        if (sr.getStatus() != ServiceRequest.ServiceRequestStatus.ACTIVE) {
            issues.invalid("ServiceRequest.status", "a new referral has status active");
        }
        if (sr.getIntent() != ServiceRequest.ServiceRequestIntent.ORDER) {
            issues.invalid("ServiceRequest.intent", "a referral has intent order");
        }
        boolean socialPrescribing = sr.getCode().getCoding().stream()
                .anyMatch(c -> FhirCodes.SNOMED.equals(c.getSystem()) && FhirCodes.SOCIAL_PRESCRIBING_REFERRAL.equals(c.getCode()));
        if (!socialPrescribing) {
            issues.required("ServiceRequest.code", "code must include SNOMED CT 871731000000106 (referral to social prescribing service)");
        }

        Patient patient = contained(sr, sr.getSubject(), Patient.class).orElse(null);
        if (patient == null) {
            issues.required("ServiceRequest.subject", "subject must reference a contained Patient (e.g. \"#patient\")");
        }
        String nhsNumber = null;
        String given = null;
        String family = null;
        LocalDate birthDate = null;
        String postcode = null;
        String phone = null;
        String email = null;
        String sex = null;
        String ethnicity = null;
        if (patient != null) {
            String p = "ServiceRequest.contained.where(id='" + localId(patient) + "')";
            nhsNumber = patient.getIdentifier().stream().filter(i -> FhirCodes.NHS_NUMBER.equals(i.getSystem())).map(Identifier::getValue)
                    .findFirst().orElse(null);
            if (nhsNumber == null) {
                issues.required(p + ".identifier", "the Patient needs an identifier with system " + FhirCodes.NHS_NUMBER);
            } else if (!NhsNumber.Check.isValidNhsNumber(nhsNumber)) {
                issues.invalid(p + ".identifier.value", "not a valid NHS number (10 digits with a Modulus 11 check digit)");
            }
            HumanName name = patient.getName().stream().filter(n -> n.getUse() == null || n.getUse() == HumanName.NameUse.OFFICIAL
                    || n.getUse() == HumanName.NameUse.USUAL).findFirst().orElse(null);
            if (name == null || name.getGiven().isEmpty() || name.getFamily() == null || name.getFamily().isBlank()) {
                issues.required(p + ".name", "the Patient needs a name with given and family parts");
            } else {
                given = name.getGiven().stream().map(StringType::getValue).reduce((a, b) -> a + " " + b).orElse("").strip();
                family = name.getFamily().strip();
                if (given.length() > 100 || family.length() > 100) {
                    issues.invalid(p + ".name", "names longer than 100 characters");
                }
            }
            if (patient.getBirthDate() == null) {
                issues.required(p + ".birthDate", "the Patient's birth date is needed");
            } else {
                birthDate = patient.getBirthDate().toInstant().atZone(ZoneId.of("Europe/London")).toLocalDate();
                if (!birthDate.isBefore(LocalDate.now())) {
                    issues.invalid(p + ".birthDate", "must be in the past");
                }
            }
            postcode = patient.getAddress().stream().map(Address::getPostalCode).filter(pc -> pc != null && !pc.isBlank()).findFirst()
                    .orElse(null);
            if (postcode == null) {
                issues.required(p + ".address.postalCode", "the Patient's postcode is needed");
            } else if (!postcode.strip().matches(Postcodes.PATTERN)) {
                issues.invalid(p + ".address.postalCode", "not a UK postcode");
            }
            for (ContactPoint t : patient.getTelecom()) {
                if (t.getSystem() == ContactPoint.ContactPointSystem.PHONE && phone == null) {
                    phone = t.getValue();
                    if (phone == null || !phone.matches("^\\+?[0-9 ]{7,20}$")) {
                        issues.invalid(p + ".telecom", "not a telephone number");
                    }
                } else if (t.getSystem() == ContactPoint.ContactPointSystem.EMAIL && email == null) {
                    email = t.getValue();
                    if (email == null || !email.matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$") || email.length() > 254) {
                        issues.invalid(p + ".telecom", "not an e-mail address");
                    }
                }
            }
            if (patient.getGender() != null) {
                sex = switch (patient.getGender()) {
                    case FEMALE -> "female";
                    case MALE -> "male";
                    case OTHER -> "other";
                    default -> "not-stated";
                };
            }
            Extension ethnic = patient.getExtensionByUrl(FhirCodes.ETHNIC_CATEGORY_EXTENSION);
            if (ethnic != null && ethnic.getValue() instanceof CodeableConcept cc) {
                ethnicity = cc.getCoding().stream().map(c -> FhirCodes.ethnicityGroup(c.getCode())).filter(g -> g != null).findFirst()
                        .orElse(null);
            }
        }

        String practice = practiceOf(sr);
        if (practice == null) {
            issues.required("ServiceRequest.requester", "the requester must carry the practice's ODS code (" + FhirCodes.ODS_ORGANISATION
                    + "), directly or through a contained PractitionerRole or Organization");
        } else if (callerOrganisation != null && !practice.equals(callerOrganisation)) {
            issues.invalid("ServiceRequest.requester", "the requesting practice " + practice + " is not your organisation");
        }

        List<Need> needs = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < sr.getReasonCode().size(); i++) {
            CodeableConcept reason = sr.getReasonCode().get(i);
            for (int j = 0; j < reason.getCoding().size(); j++) {
                Coding c = reason.getCoding().get(j);
                if (FhirCodes.NEED.equals(c.getSystem())) {
                    if (Need.isCode(c.getCode())) {
                        if (!needs.contains(Need.fromCode(c.getCode()))) {
                            needs.add(Need.fromCode(c.getCode()));
                        }
                    } else {
                        issues.codeInvalid("ServiceRequest.reasonCode[" + i + "].coding[" + j + "].code",
                                "not a code of " + FhirCodes.NEED);
                    }
                }
            }
            if (reason.hasText()) {
                texts.add(reason.getText().strip());
            }
        }
        sr.getNote().forEach(n -> {
            if (n.hasText()) {
                texts.add(n.getText().strip());
            }
        });
        if (needs.isEmpty()) {
            issues.required("ServiceRequest.reasonCode", "at least one need coded from " + FhirCodes.NEED);
        } else if (needs.size() > 10) {
            issues.invalid("ServiceRequest.reasonCode", "at most 10 needs");
        }
        String reason = texts.isEmpty() ? null : String.join("\n", texts);
        if (reason != null && reason.length() > 2000) {
            issues.invalid("ServiceRequest.reasonCode.text", "the reason's text is longer than 2000 characters");
        }

        Consent consent = sr.getSupportingInfo().stream().map(ref -> contained(sr, ref, Consent.class)).flatMap(Optional::stream)
                .findFirst().orElse(null);
        Instant consentAt = null;
        if (consent == null) {
            issues.required("ServiceRequest.supportingInfo", "consent must be recorded: a contained Consent referenced from supportingInfo");
        } else {
            String c = "ServiceRequest.contained.where(id='" + localId(consent) + "')";
            if (consent.getStatus() != Consent.ConsentState.ACTIVE) {
                issues.invalid(c + ".status", "the person's consent must be active");
            }
            if (consent.getDateTime() == null) {
                issues.required(c + ".dateTime", "when consent was given");
            } else {
                consentAt = consent.getDateTime().toInstant();
                if (consentAt.isAfter(Instant.now().plusSeconds(60))) {
                    issues.invalid(c + ".dateTime", "must not be in the future");
                }
            }
        }

        String urgency = sr.getPriority() == null || sr.getPriority() == ServiceRequest.ServiceRequestPriority.ROUTINE ? "routine" : "urgent";
        Extension override = sr.getExtensionByUrl(FhirCodes.DUPLICATE_OVERRIDE_EXTENSION);
        String overrideReason = override != null && override.getValue() instanceof StringType s && !s.isEmpty() ? s.getValue() : null;
        if (issues.any()) {
            return null;
        }
        return new Read(new Arrival("fhir", practice, referrer, nhsNumber.replace(" ", ""), given, family, birthDate, postcode, phone, email,
                sex, ethnicity, null, null, needs, reason, null, urgency, consentAt, overrideReason), practice);
    }

    private static String practiceOf(ServiceRequest sr) {
        Reference requester = sr.getRequester();
        String direct = ods(requester.getIdentifier());
        if (direct != null) {
            return direct;
        }
        Optional<Organization> org = contained(sr, requester, Organization.class);
        if (org.isPresent()) {
            return org.get().getIdentifier().stream().map(ServiceRequestIn::ods).filter(o -> o != null).findFirst().orElse(null);
        }
        Optional<PractitionerRole> role = contained(sr, requester, PractitionerRole.class);
        if (role.isPresent()) {
            Reference organisation = role.get().getOrganization();
            String viaRole = ods(organisation.getIdentifier());
            if (viaRole != null) {
                return viaRole;
            }
            return contained(sr, organisation, Organization.class).flatMap(o -> o.getIdentifier().stream().map(ServiceRequestIn::ods)
                    .filter(x -> x != null).findFirst()).orElse(null);
        }
        return null;
    }

    private static String ods(Identifier identifier) {
        return identifier != null && FhirCodes.ODS_ORGANISATION.equals(identifier.getSystem()) && identifier.hasValue()
                ? identifier.getValue().strip() : null;
    }

    /** The contained resource a local reference ("#id") points to, if it is of the type wanted. */
    static <T extends Resource> Optional<T> contained(ServiceRequest sr, Reference reference, Class<T> type) {
        if (reference == null) {
            return Optional.empty();
        }
        // the parser resolves local references to the contained resource it names
        if (type.isInstance(reference.getResource())) {
            return Optional.of(type.cast(reference.getResource()));
        }
        if (reference.getReference() == null || !reference.getReference().startsWith("#")) {
            return Optional.empty();
        }
        String id = reference.getReference().substring(1);
        return sr.getContained().stream().filter(type::isInstance).map(type::cast)
                .filter(r -> id.equals(localId(r))).findFirst();
    }

    static String localId(Resource r) {
        String id = r.getIdElement().getIdPart() == null ? r.getId() : r.getIdElement().getIdPart();
        return id == null ? null : id.startsWith("#") ? id.substring(1) : id;
    }
}
