package org.linkwork.console.matching;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.UUID;
import org.linkwork.console.services.Calls;
import org.linkwork.console.services.Problem;
import org.linkwork.console.services.Reply;
import org.linkwork.console.services.Service;
import org.linkwork.console.web.CurrentUser;
import org.linkwork.console.web.Form;

/**
 * The activities matching proposed for a referral, with what speaks for and against each, the
 * near-misses, the link worker's verdicts, and a re-run with the filters changed together with
 * the person.
 */
@Path("/referrals/{id}/matches")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("link-worker")
public class MatchesPage {

    private final MatchesScreen screen;
    private final Calls calls;
    private final SentOnce once;
    private final CurrentUser user;

    MatchesPage(MatchesScreen screen, Calls calls, SentOnce once, CurrentUser user) {
        this.screen = screen;
        this.calls = calls;
        this.once = once;
        this.user = user;
    }

    @GET
    public Response matches(@PathParam("id") UUID id, @QueryParam("done") String done) {
        return MatchesScreen.html(200, screen.first(id, done));
    }

    /** Without "save" the re-ranked activities are only shown; with it they become the proposal. */
    @POST
    @Path("rerun")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response rerun(@PathParam("id") UUID id, MultivaluedMap<String, String> values) {
        Form form = new Form(values);
        boolean save = "true".equals(form.value("save"));
        Map<String, Object> body = MatchForms.rerun(form, save);
        String path = "/matches/" + id + "/rerun";
        Reply reply = save ? once.send(user.username(), form.idempotencyKey(), () -> calls.send(Service.MATCHING, "POST", path, body, form.idempotencyKey()))
                : calls.send(Service.MATCHING, "POST", path, body, form.idempotencyKey());
        if (!reply.ok()) {
            return screen.refused(id, form, Plainly.explain(reply.problem()), new MatchesScreen.Failed("rerun", null));
        }
        if (save) {
            return Form.done("/referrals/" + id + "/matches", "proposal-saved");
        }
        return screen.preview(id, form, reply);
    }

    /** "Choose this activity" or "Not suitable", with its reason. */
    @POST
    @Path("feedback")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response feedback(@PathParam("id") UUID id, MultivaluedMap<String, String> values) {
        Form form = new Form(values);
        String decision = "not-suitable".equals(form.value("decision")) ? "not-suitable" : "chosen";
        MatchesScreen.Failed failed = new MatchesScreen.Failed(decision, form.value("serviceId"));
        Problem missing = MatchForms.feedbackProblem(form);
        if (missing != null) {
            return screen.refused(id, form, missing, failed);
        }
        Map<String, Object> body = MatchForms.feedback(form);
        Reply reply = once.send(user.username(), form.idempotencyKey(),
                () -> calls.send(Service.MATCHING, "POST", "/matches/" + id + "/feedback", body, form.idempotencyKey()));
        if (!reply.ok()) {
            return screen.refused(id, form, reply.problem(), failed);
        }
        return Form.done("/referrals/" + id + "/matches", "chosen".equals(decision) ? "activity-chosen" : "activity-not-suitable");
    }
}
