package org.linkwork.console.assessment;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.linkwork.console.services.Calls;
import org.linkwork.console.services.Problem;
import org.linkwork.console.services.Reply;
import org.linkwork.console.services.Service;
import org.linkwork.console.web.Chrome;
import org.linkwork.console.web.Drafts;
import org.linkwork.console.web.Form;

/**
 * The "what matters to you" assessment of a referral: one form in sections, a check-answers page,
 * then referral-service's {@code POST /referrals/{id}/assessment}. A reassessment starts from the
 * latest assessment; a first one from the referral's needs and the person's postcode and language.
 */
@Path("/referrals/{id}/assessment")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("link-worker")
public class AssessmentPage {

    /** The statuses from which referral-service takes an assessment. */
    static final List<String> ASSESSABLE = List.of("contacted", "assessed", "matched");

    private final Calls calls;
    private final Chrome chrome;
    private final Template form;
    private final Template check;
    private final Drafts drafts;

    AssessmentPage(Calls calls, Chrome chrome, @Location("assessment/form.html") Template form, @Location("assessment/check.html") Template check,
            Drafts drafts) {
        this.drafts = drafts;
        this.calls = calls;
        this.chrome = chrome;
        this.form = form;
        this.check = check;
    }

    @GET
    public TemplateInstance show(@PathParam("id") String idParam) {
        chrome.start();
        String id = referralId(idParam);
        CompletableFuture<Reply> referral = calls.getAsync(Service.REFERRAL, "/referrals/" + id);
        CompletableFuture<Reply> recorded = calls.getAsync(Service.REFERRAL, "/referrals/" + id + "/assessment");
        Map<String, Object> theReferral = Calls.join(referral).map();
        List<Object> assessments = Calls.join(recorded).list();
        Map<String, Object> latest = assessments.isEmpty() || !(assessments.get(0) instanceof Map<?, ?>) ? null : asMap(assessments.get(0));
        // answers typed before the session ended come back before anything recorded
        Optional<Drafts.Draft> draft = drafts.take("/referrals/" + id + "/assessment");
        Form answers = draft.isPresent() ? draft.get().form()
                : latest != null && latest.get("assessment") instanceof Map<?, ?> a ? Answers.fromAssessment(asMap(a)) : Answers.fromReferral(theReferral);
        return page(id, theReferral, answers, null, null, true, latest).data("restored", draft.isPresent());
    }

    /** The check-answers page, once the console's own checks pass; else the form again with them. */
    @POST
    @Path("check")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response check(@PathParam("id") String idParam, MultivaluedMap<String, String> values) {
        chrome.start();
        String id = referralId(idParam);
        Form answers = new Form(values);
        Map<String, Object> referral = calls.get(Service.REFERRAL, "/referrals/" + id).map();
        Problem problem = Answers.check(answers);
        if (problem != null) {
            return html(problem.status(), page(id, referral, answers, problem, null, false, null));
        }
        return html(200, check.data("chrome", chrome).data("nav", "caseload").data("id", id).data("caption", name(referral))
                .data("answers", CheckAnswers.of(answers)));
    }

    /** "Change" on the check-answers page: the form again with the answers carried, the changed one focused. */
    @POST
    @Path("edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response edit(@PathParam("id") String idParam, MultivaluedMap<String, String> values) {
        chrome.start();
        String id = referralId(idParam);
        Form answers = new Form(values);
        Map<String, Object> referral = calls.get(Service.REFERRAL, "/referrals/" + id).map();
        return html(200, page(id, referral, answers, null, answers.optional("change"), false, null));
    }

    /** "Confirm and send": to referral-service with the page's idempotency key, so a double submit records one assessment. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response send(@PathParam("id") String idParam, MultivaluedMap<String, String> values) {
        chrome.start();
        String id = referralId(idParam);
        Form answers = new Form(values);
        Problem problem = Answers.check(answers);
        if (problem == null) {
            Reply reply = calls.send(Service.REFERRAL, "POST", "/referrals/" + id + "/assessment", Answers.body(answers), answers.idempotencyKey());
            if (reply.ok()) {
                return Form.done("/referrals/" + id, "assessed");
            }
            problem = Answers.explain(reply.problem(), answers);
        }
        Map<String, Object> referral = calls.get(Service.REFERRAL, "/referrals/" + id).map();
        return html(problem.status(), page(id, referral, answers, problem, null, false, null));
    }

    /** The form; {@code fresh} when it is first shown (not after a refusal or a change), {@code latest} the assessment it starts from. */
    private TemplateInstance page(String id, Map<String, Object> referral, Form answers, Problem problem, String change,
            boolean fresh, Map<String, Object> latest) {
        String status = referral.get("status") == null ? "" : referral.get("status").toString();
        return form.data("chrome", chrome).data("nav", "caseload").data("id", id).data("caption", name(referral))
                .data("reassessment", answers.checked(Answers.REASSESSMENT, "true")).data("previous", latest)
                .data("fresh", fresh)
                .data("status", status).data("assessable", ASSESSABLE.contains(status)).data("problem", problem)
                .data("view", FormView.of(answers, problem, change));
    }

    /** The person's name for the caption under the heading (never the title); null once erased. */
    static String name(Map<String, Object> referral) {
        if (referral.get("person") instanceof Map<?, ?> person) {
            String name = ((person.get("givenName") == null ? "" : person.get("givenName")) + " "
                    + (person.get("familyName") == null ? "" : person.get("familyName"))).strip();
            return name.isEmpty() ? null : name;
        }
        return null;
    }

    /** Only a referral id goes into the service's path. */
    static String referralId(String value) {
        try {
            return UUID.fromString(value).toString();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new NotFoundException();
        }
    }

    private static Response html(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page.render()).build();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return (Map<String, Object>) value;
    }
}
