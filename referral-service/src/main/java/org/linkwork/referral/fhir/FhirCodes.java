package org.linkwork.referral.fhir;

/** Code systems and identifiers the FHIR interface speaks. */
final class FhirCodes {

    static final String NHS_NUMBER = "https://fhir.nhs.uk/Id/nhs-number";
    static final String ODS_ORGANISATION = "https://fhir.nhs.uk/Id/ods-organization-code";
    static final String SNOMED = "http://snomed.info/sct";
    /** SNOMED CT 871731000000106 "Referral to social prescribing service". */
    static final String SOCIAL_PRESCRIBING_REFERRAL = "871731000000106";
    static final String NEED = org.linkwork.events.Need.SYSTEM;
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
