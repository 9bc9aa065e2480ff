package org.linkwork.console.referral;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.linkwork.console.services.Calls;
import org.linkwork.console.services.NotVisible;
import org.linkwork.console.services.Part;
import org.linkwork.console.services.Problem;
import org.linkwork.console.services.Reply;
import org.linkwork.console.services.Service;
import org.linkwork.console.web.Chrome;
import org.linkwork.console.web.CurrentUser;
import org.linkwork.console.web.Drafts;
import org.linkwork.console.web.Form;

/**
 * One referral as its link worker works it: who the person is, what the referrer wrote, the status
 * with the moves the service allows now, the live timeline, notes, reassignment within the team,
 * activity referrals and the wellbeing change. Each part comes from its own call, made at once.
 */
@Path("/referrals/{id}")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("link-worker")
public class ReferralPage {

    /** Moves reached by doing something else (recording an assessment, matching proposing, an activity starting). */
    static final List<String> NOT_BY_HAND = List.of("assessed", "matched", "in-activity", "completed");

    static final Map<String, String> DONE = Map.ofEntries(Map.entry("status", "The status was changed"),
            Map.entry("note", "The note was added"), Map.entry("reassigned", "The referral was reassigned"),
            Map.entry("assessed", "The assessment was sent"), Map.entry("activity-referral-sent", "The activity referral was sent to the provider"),
            Map.entry("activity-referral-cancelled", "The activity referral was cancelled"),
            Map.entry("measure-recorded", "The wellbeing measure was recorded"));

    static final Map<String, String> ACTION_TEXT = Map.of("accepted", "Accept referral", "contacted", "Record first contact",
            "closed", "Close referral");

    private final Calls calls;
    private final Chrome chrome;
    private final CurrentUser user;
    private final Template page;
    private final Drafts drafts;

    ReferralPage(Calls calls, Chrome chrome, CurrentUser user, @Location("referral/referral.html") Template page, Drafts drafts) {
        this.drafts = drafts;
        this.calls = calls;
        this.chrome = chrome;
        this.user = user;
        this.page = page;
    }

    @GET
    public TemplateInstance referral(@PathParam("id") UUID id, @QueryParam("done") String done) {
        Optional<Drafts.Draft> draft = drafts.take("/referrals/" + id);
        if (draft.isPresent()) {
            // typed before the session ended: back in the form it was typed into, to check and send again
            String action = draft.get().action();
            String formName = action.endsWith("/notes") ? "note" : action.endsWith("/assignment") ? "reassign" : "exit";
            return render(id, null, draft.get().form(), formName).data("restored", true);
        }
        return render(id, null, Form.empty(), null).data("done", done == null ? null : DONE.get(done)).data("restored", false);
    }

    @POST
    @Path("status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response status(@PathParam("id") UUID id, MultivaluedMap<String, String> values) {
        Form form = new Form(values);
        String to = form.value("status");
        if (to.isEmpty()) {
            return refused(id, Problem.field("status", "Choose what happens to the referral"), form, "exit");
        }
        String reasonCode = form.optional("reasonCode");
        if (ExitReasons.needsReason(to) && (reasonCode == null || !ExitReasons.known(to, reasonCode))) {
            return refused(id, Problem.field("reasonCode", "Choose why the referral is " + to.replace('-', ' ')), form, "exit");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", to);
        body.put("reasonCode", ExitReasons.needsReason(to) ? reasonCode : null);
        body.put("comment", form.optional("comment"));
        Reply reply = calls.send(Service.REFERRAL, "POST", "/referrals/" + id + "/status", body, form.idempotencyKey());
        return reply.ok() ? Form.done("/referrals/" + id, "status") : refused(id, reply.problem(), form, ExitReasons.needsReason(to) ? "exit" : "move");
    }

    @POST
    @Path("notes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response note(@PathParam("id") UUID id, MultivaluedMap<String, String> values) {
        Form form = new Form(values);
        if (form.value("text").isEmpty()) {
            return refused(id, Problem.field("text", "Enter the note"), form, "note");
        }
        Map<String, Object> body = Map.of("text", form.value("text"));
        Reply reply = calls.send(Service.REFERRAL, "POST", "/referrals/" + id + "/notes", body, form.idempotencyKey());
        return reply.ok() ? Form.done("/referrals/" + id, "note") : refused(id, reply.problem(), form, "note");
    }

    @POST
    @Path("assignment")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reassign(@PathParam("id") UUID id, MultivaluedMap<String, String> values) {
        Form form = new Form(values);
        if (form.value("linkWorker").isEmpty()) {
            return refused(id, Problem.field("linkWorker", "Choose who the referral goes to"), form, "reassign");
        }
        Reply reply = calls.send(Service.REFERRAL, "POST", "/referrals/" + id + "/assignment", Map.of("linkWorker", form.value("linkWorker")),
                form.idempotencyKey());
        if (!reply.ok()) {
            return refused(id, reply.problem(), form, "reassign");
        }
        // reassigned to someone else: this link worker may no longer work it, so back to the caseload
        return Form.done(form.value("linkWorker").equals(user.username()) ? "/referrals/" + id : "/caseload", "reassigned");
    }

    private Response refused(UUID id, Problem problem, Form form, String formName) {
        TemplateInstance shown = render(id, problem, form, formName).data("restored", false);
        return Response.status(problem.status() >= 400 ? problem.status() : 400).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(shown.render()).build();
    }

    private TemplateInstance render(UUID id, Problem problem, Form form, String failedForm) {
        chrome.start();
        String base = "/referrals/" + id;
        CompletableFuture<Reply> referral = calls.getAsync(Service.REFERRAL, base);
        CompletableFuture<Part> status = calls.part(Service.REFERRAL, base + "/status");
        CompletableFuture<Part> timeline = calls.part(Service.REFERRAL, base + "/timeline");
        CompletableFuture<Part> notes = calls.part(Service.REFERRAL, base + "/notes");
        CompletableFuture<Part> activities = calls.part(Service.REFERRAL, base + "/activity-referrals");
        CompletableFuture<Part> wellbeing = calls.part(Service.OUTCOMES, base + "/wellbeing");
        CompletableFuture<Part> assessments = calls.part(Service.REFERRAL, base + "/assessment");

        Map<String, Object> r = Calls.join(referral).map();
        if (r.isEmpty()) {
            throw new NotVisible(404);
        }
        Part team = r.get("teamId") == null ? Part.notShown() : Calls.join(calls.part(Service.REFERRAL, "/teams/" + r.get("teamId")));
        Part statusPart = Calls.join(status);
        List<String> allowed = new ArrayList<>();
        if (statusPart.map().get("allowed") instanceof List<?> list) {
            list.forEach(s -> allowed.add(s.toString()));
        }
        List<String> moves = allowed.stream().filter(s -> !NOT_BY_HAND.contains(s) && !ExitReasons.needsReason(s)).toList();
        List<String> exits = allowed.stream().filter(ExitReasons::needsReason).toList();
        Map<String, List<ExitReasons.Reason>> reasons = new LinkedHashMap<>();
        exits.forEach(e -> reasons.put(e, ExitReasons.BY_STATUS.get(e)));
        List<Object> otherMembers = new ArrayList<>();
        for (Object m : team.map().getOrDefault("members", List.of()) instanceof List<?> l ? l : List.of()) {
            if (m instanceof Map<?, ?> member && Boolean.TRUE.equals(member.get("active")) && !String.valueOf(member.get("username")).equals(r.get("linkWorker"))) {
                otherMembers.add(member);
            }
        }
        Part assessed = Calls.join(assessments);
        return page.data("chrome", chrome).data("nav", "caseload").data("id", id).data("r", r).data("status", statusPart)
                .data("moves", moves).data("exits", exits).data("reasons", reasons).data("actionText", ACTION_TEXT)
                .data("timeline", Calls.join(timeline)).data("notes", Calls.join(notes)).data("activities", Calls.join(activities))
                .data("wellbeing", Calls.join(wellbeing)).data("assessed", assessed.available() && !assessed.list().isEmpty())
                .data("team", team).data("otherMembers", otherMembers).data("problem", problem).data("form", form)
                .data("failedForm", failedForm == null ? "" : failedForm).data("done", null)
                .data("canAssess", allowed.contains("assessed") || List.of("contacted", "assessed", "matched", "in-activity").contains(r.get("status")));
    }
}
