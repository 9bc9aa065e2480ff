package org.linkwork.referral.fhir;

import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.linkwork.referral.Referral;
import org.linkwork.referral.loop.ActivityProcedure;
import org.linkwork.referral.loop.ActivityReferral;
import org.linkwork.referral.loop.ActivityStatus;

/** Tasks shaped as the SDOH Clinical Care guide's TaskForReferralManagement. */
final class TaskOut {

    private TaskOut() {
    }

    /** An activity referral: owned by the provider, requested by Linkwork on the link worker's behalf. */
    static Task of(ActivityReferral a, Referral r) {
        Task task = base(a.id.toString(), a.version, Date.from(a.updatedAt), Date.from(a.requestedAt), a.status.code());
        reason(task, a.statusReasonCode, a.statusReasonCode == null ? null : words(a.statusReasonCode));
        task.setFocus(new Reference("ServiceRequest/" + a.id).setDisplay(a.serviceName));
        task.setFor(new Reference("Patient/" + r.person.personRef));
        task.setRequester(organisation(FhirCodes.PLATFORM));
        task.setOwner(organisation(a.providerOrganization));
        task.setBusinessStatus(new CodeableConcept().setText(a.sessionsAttended + " session" + (a.sessionsAttended == 1 ? "" : "s")
                + " attended"));
        if (a.status == ActivityStatus.COMPLETED) {
            outputs(task, ActivityProcedure.ofActivity(a.id));
        }
        return task;
    }

    /** A referring system's Task: owned by Linkwork, following the referral. */
    static Task of(ReferralTask t, List<ActivityProcedure> procedures) {
        Task task = base(t.id.toString(), t.version, Date.from(t.updatedAt), Date.from(t.authoredOn), t.status);
        reason(task, t.statusReasonCode, t.statusReason);
        if ("person-declined".equals(t.statusReasonCode)) {
            task.getStatusReason().addCoding(new Coding(FhirCodes.SNOMED, FhirCodes.SOCIAL_PRESCRIBING_DECLINED, "Social prescribing declined"));
        }
        task.setFocus(new Reference(t.focus));
        if (t.patientReference != null) {
            task.setFor(new Reference(t.patientReference));
        }
        if (t.requester != null) {
            task.setRequester(new Reference(t.requester));
        } else if (t.organisation != null) {
            task.setRequester(new Reference().setType("Organization")
                    .setIdentifier(new Identifier().setSystem(FhirCodes.ODS_ORGANISATION).setValue(t.organisation)));
        }
        task.setOwner(organisation(FhirCodes.PLATFORM));
        if (t.referralId != null) {
            task.addIdentifier().setSystem(FhirCodes.REFERRAL_ID).setValue(t.referralId.toString());
        }
        if ("completed".equals(t.status)) {
            outputs(task, procedures);
        }
        return task;
    }

    private static Task base(String id, long version, Date updated, Date authored, String status) {
        Task task = new Task();
        task.setId(id);
        task.getMeta().setVersionId(Long.toString(version)).setLastUpdated(updated).addProfile(FhirCodes.TASK_PROFILE);
        task.setStatus(Task.TaskStatus.fromCode(status));
        task.setIntent(Task.TaskIntent.ORDER);
        task.setCode(new CodeableConcept().addCoding(new Coding(FhirCodes.TASK_CODE, FhirCodes.FULFILL, "Fulfill the focal request")));
        task.setAuthoredOn(authored);
        task.setLastModified(updated);
        return task;
    }

    private static void reason(Task task, String code, String text) {
        if (code == null && text == null) {
            return;
        }
        CodeableConcept reason = new CodeableConcept().setText(text == null ? words(code) : text);
        if (code != null) {
            reason.addCoding(new Coding(FhirCodes.STATUS_REASON, code, null));
        }
        task.setStatusReason(reason);
    }

    private static void outputs(Task task, List<ActivityProcedure> procedures) {
        for (ActivityProcedure p : procedures) {
            task.addOutput().setType(new CodeableConcept().addCoding(new Coding(FhirCodes.SDOHCC_TEMPORARY_CODES,
                    FhirCodes.RESULTING_ACTIVITY, "Resulting Activity"))).setValue(new Reference("Procedure/" + p.id));
        }
    }

    static Reference organisation(String id) {
        return new Reference("Organization/" + id).setType("Organization")
                .setIdentifier(new Identifier().setSystem(FhirCodes.LINKWORK_ORGANISATION).setValue(id));
    }

    static String words(String code) {
        return code.replace('-', ' ');
    }
}
