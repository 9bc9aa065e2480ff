package org.linkwork.referral.fhir;

import java.util.Date;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.linkwork.referral.Referral;
import org.linkwork.referral.loop.ActivityReferral;
import org.linkwork.referral.loop.ActivityReferrals;
import org.linkwork.referral.loop.ActivityStatus;

/**
 * The request behind an activity referral's Task, as its provider reads it: which activity, for whom
 * (by reference), the needs it is meant to meet (codes), and the consent. No reason in words, no
 * identifiers: those stay with the referral.
 */
final class ActivityServiceRequestOut {

    private ActivityServiceRequestOut() {
    }

    static ServiceRequest of(ActivityReferral a, Referral r) {
        ServiceRequest sr = new ServiceRequest();
        sr.setId(a.id.toString());
        sr.getMeta().setLastUpdated(Date.from(a.updatedAt)).setVersionId(Long.toString(a.version));
        sr.setStatus(a.status.isOpen() ? ServiceRequest.ServiceRequestStatus.ACTIVE
                : a.status == ActivityStatus.COMPLETED ? ServiceRequest.ServiceRequestStatus.COMPLETED : ServiceRequest.ServiceRequestStatus.REVOKED);
        sr.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
        sr.setCode(new CodeableConcept().addCoding(new Coding(ActivityReferrals.SERVICE_SYSTEM, a.serviceId, a.serviceName))
                .setText(a.serviceName));
        sr.addCategory(new CodeableConcept().addCoding(new Coding(FhirCodes.SNOMED, FhirCodes.SOCIAL_PRESCRIBING_REFERRAL,
                "Referral to social prescribing service")));
        for (String code : r.needCodes()) {
            sr.addReasonCode(new CodeableConcept().addCoding(ServiceRequestOut.need(code)));
        }
        sr.setSubject(new Reference("Patient/" + r.person.personRef));
        sr.setRequester(TaskOut.organisation(FhirCodes.PLATFORM));
        sr.addPerformer(TaskOut.organisation(a.providerOrganization));
        sr.setAuthoredOn(Date.from(a.requestedAt));
        if (a.nextSessionAt != null) {
            sr.setOccurrence(new org.hl7.fhir.r4.model.DateTimeType(Date.from(a.nextSessionAt)));
        }
        sr.addSupportingInfo(new Reference("Consent/" + r.id));
        return sr;
    }
}
