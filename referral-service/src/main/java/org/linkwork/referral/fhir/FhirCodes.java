package org.linkwork.referral.fhir;

/** Code systems and identifiers the FHIR interface speaks. */
final class FhirCodes {

    static final String NHS_NUMBER = "https://fhir.nhs.uk/Id/nhs-number";
    static final String ODS_ORGANISATION = "https://fhir.nhs.uk/Id/ods-organization-code";
    static final String SNOMED = "http://snomed.info/sct";
    /** SNOMED CT 871731000000106 "Referral to social prescribing service". */
    static final String SOCIAL_PRESCRIBING_REFERRAL = "871731000000106";
    /** SNOMED CT 871711000000103 "Social prescribing declined". */
    static final String SOCIAL_PRESCRIBING_DECLINED = "871711000000103";
    static final String NEED = org.linkwork.events.Need.SYSTEM;
    static final String TASK_PROFILE = "http://hl7.org/fhir/us/sdoh-clinicalcare/StructureDefinition/SDOHCC-TaskForReferralManagement";
    static final String TASK_CODE = "http://hl7.org/fhir/CodeSystem/task-code";
    static final String FULFILL = "fulfill";
    /** The Gravity guide's code for a Task output that is what was done. */
    static final String SDOHCC_TEMPORARY_CODES = "http://hl7.org/fhir/us/sdoh-clinicalcare/CodeSystem/SDOHCC-CodeSystemTemporaryCodes";
    static final String RESULTING_ACTIVITY = "resulting-activity";
    /** Coded reasons for a Task's status (no-capacity, person-declined, fetch-failed, ...). */
    static final String STATUS_REASON = "urn:linkwork:status-reason";
    /** Organisations known to Linkwork: provider ids from the directory, and "linkwork", the coordination platform itself. */
    static final String LINKWORK_ORGANISATION = "urn:linkwork:organization";
    static final String LINKWORK_USER = "urn:linkwork:user";
    static final String PLATFORM = "linkwork";
    static final String PERSON_REF = "urn:linkwork:person-ref";
    static final String ACCESSIBILITY_EXTENSION = "urn:linkwork:fhir:accessibility-requirement";
    static final String REFERRAL_ID = "urn:linkwork:referral";
    static final String ETHNIC_CATEGORY_EXTENSION = "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-EthnicCategory";
    static final String DUPLICATE_OVERRIDE_EXTENSION = "urn:linkwork:fhir:duplicate-override-reason";
    static final String CONSENT_SCOPE = "http://terminology.hl7.org/CodeSystem/consentscope";
    static final String CONSENT_CATEGORY = "http://loinc.org";
    /** LOINC 59284-0 "Patient Consent". */
    static final String PATIENT_CONSENT = "59284-0";

    private FhirCodes() {
    }

    /** NHS Data Dictionary ethnic category letter to the analytics-safe high-level group. */
    static String ethnicityGroup(String code) {
        if (code == null || code.length() != 1) {
            return null;
        }
        return switch (code.charAt(0)) {
            case 'A', 'B', 'C' -> "white";
            case 'D', 'E', 'F', 'G' -> "mixed";
            case 'H', 'J', 'K', 'L' -> "asian";
            case 'M', 'N', 'P' -> "black";
            case 'R', 'S' -> "other";
            case 'Z' -> "not-stated";
            default -> null;
        };
    }
}
