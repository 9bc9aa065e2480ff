package org.linkwork.console.matching;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.linkwork.console.services.Calls;
import org.linkwork.console.services.NotVisible;
import org.linkwork.console.services.Part;
import org.linkwork.console.services.Problem;
import org.linkwork.console.services.Reply;
import org.linkwork.console.services.Service;
import org.linkwork.console.web.Chrome;
import org.linkwork.console.web.Form;

/**
 * The closed loop from the link worker's side: an activity referral sent to the provider of a
 * proposed activity, and cancelled while it is open.
 */
@Path("/referrals/{id}/activity-referrals")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("link-worker")
public class ActivityReferralActions {

    private static final Pattern SERVICE_ID = Pattern.compile("^[0-9A-Za-z-]{1,100}$");

    private final MatchesScreen matches;
    private final Calls calls;
    private final Chrome chrome;
    private final Template cancelPage;

    ActivityReferralActions(MatchesScreen matches, Calls calls, Chrome chrome, @Location("matching/cancel.html") Template cancelPage) {
        this.matches = matches;
        this.calls = calls;
        this.chrome = chrome;
        this.cancelPage = cancelPage;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response send(@PathParam("id") UUID id, MultivaluedMap<String, String> values) {
        Form form = new Form(values);
        String serviceId = form.value("serviceId");
        // the activity type is reported with the referral; without the directory it is left out, not guessed
        String activityType = null;
        if (SERVICE_ID.matcher(serviceId).matches()) {
            Part service = Calls.join(calls.part(Service.DIRECTORY, "/services/" + serviceId));
            activityType = service.available() ? MatchForms.activityType(service.map()) : null;
        }
        Reply reply = calls.send(Service.REFERRAL, "POST", "/referrals/" + id + "/activity-referrals",
                MatchForms.activityReferral(form, activityType), form.idempotencyKey());
        if (!reply.ok()) {
            return matches.refused(id, form, Plainly.explain(reply.problem()), new MatchesScreen.Failed("send", serviceId));
        }
        return Form.done("/referrals/" + id, "activity-referral-sent");
    }

    /** The cancel question on a page of its own: where a refused cancellation from the referral page lands too. */
    @GET
    @Path("{activityId}/cancel")
    public Response cancelPage(@PathParam("id") UUID id, @PathParam("activityId") UUID activityId) {
        return page(200, id, activityId, Form.empty(), null);
    }

    @POST
    @Path("{activityId}/cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response cancel(@PathParam("id") UUID id, @PathParam("activityId") UUID activityId, MultivaluedMap<String, String> values) {
        Form form = new Form(values);
        Problem missing = MatchForms.cancelProblem(form);
        if (missing != null) {
            return page(400, id, activityId, form, missing);
        }
        activity(id, activityId);
        Reply reply = calls.send(Service.REFERRAL, "POST", "/activity-referrals/" + activityId + "/status", MatchForms.cancel(form),
                form.idempotencyKey());
        if (!reply.ok()) {
            return page(reply.status(), id, activityId, form, Plainly.explain(reply.problem()));
        }
        return Form.done("/referrals/" + id, "activity-referral-cancelled");
    }

    private Response page(int status, UUID id, UUID activityId, Form form, Problem problem) {
        chrome.start();
        CompletableFuture<Reply> referral = calls.getAsync(Service.REFERRAL, "/referrals/" + id);
        Map<String, Object> activity = activity(id, activityId);
        Map<String, Object> person = Calls.join(referral).map();
        return MatchesScreen.html(status, cancelPage.data("chrome", chrome).data("nav", "caseload").data("referralId", id.toString())
                .data("name", MatchesScreen.name(person)).data("activity", activity).data("form", form).data("problem", problem));
    }

    /** The activity referral, only under the referral it belongs to: any other pairing is a page that does not exist. */
    private Map<String, Object> activity(UUID id, UUID activityId) {
        Map<String, Object> activity = calls.get(Service.REFERRAL, "/activity-referrals/" + activityId).map();
        if (!id.toString().equals(String.valueOf(activity.get("referralId")))) {
            throw new NotVisible(404);
        }
        return activity;
    }
}
