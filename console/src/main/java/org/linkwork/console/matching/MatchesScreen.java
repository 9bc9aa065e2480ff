package org.linkwork.console.matching;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.linkwork.console.services.Calls;
import org.linkwork.console.services.Part;
import org.linkwork.console.services.Problem;
import org.linkwork.console.services.Reply;
import org.linkwork.console.services.Service;
import org.linkwork.console.web.Chrome;
import org.linkwork.console.web.Form;

/**
 * The matches page, as a first look (GET), as a re-run's preview (a POST that renders) and as a
 * refused form (re-rendered with the error summary and the answers kept).
 */
@RequestScoped
public class MatchesScreen {

    /** Referral statuses from which an activity referral may be sent. */
    static final List<String> SENDABLE = List.of("matched", "in-activity");

    static final Map<String, String> DONE = Map.of("proposal-saved", "The activities ranked with your filters are now the proposal",
            "activity-chosen", "Activity marked as chosen", "activity-not-suitable", "Activity marked as not suitable");

    /** Which form on the page was refused: its action and the activity it was about (null for the re-run). */
    @TemplateData
    public record Failed(String action, String serviceId) {

        public boolean is(String someAction, String someService) {
            return action.equals(someAction) && (serviceId == null ? someService == null : serviceId.equals(someService));
        }
    }

    /** What the re-run form shows: the assessment's filters at first, then what the link worker sent. */
    @TemplateData
    public record Filters(String maxTravelKm, List<String> days, List<String> timesOfDay, List<String> deliveryModes, boolean known) {

        static Filters of(Form form) {
            return new Filters(form.value("maxTravelKm"), form.all("days"), form.all("timesOfDay"), form.all("deliveryModes"), true);
        }

        /** From the latest assessment (referral-service lists them latest first). */
        static Filters ofAssessments(Part assessments) {
            if (!assessments.available() || assessments.list().isEmpty() || !(assessments.list().get(0) instanceof Map<?, ?> latest)
                    || !(latest.get("assessment") instanceof Map<?, ?> assessment)) {
                return new Filters("", List.of(), List.of(), List.of(), false);
            }
            Map<?, ?> preferences = assessment.get("preferences") instanceof Map<?, ?> p ? p : Map.of();
            Object km = assessment.get("travel") instanceof Map<?, ?> t ? t.get("maxTravelKm") : null;
            return new Filters(MatchingText.kmValue(km), codes(preferences.get("days")), codes(preferences.get("timesOfDay")),
                    codes(preferences.get("deliveryModes")), true);
        }

        private static List<String> codes(Object value) {
            return value instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
        }
    }

    private final Calls calls;
    private final Chrome chrome;
    private final Template page;

    MatchesScreen(Calls calls, Chrome chrome, @Location("matching/matches.html") Template page) {
        this.calls = calls;
        this.chrome = chrome;
        this.page = page;
    }

    /** The page as it stands, with the banner for what was just done. */
    public TemplateInstance first(UUID id, String done) {
        return render(id, Form.empty(), null, null, null, done == null ? null : DONE.get(done));
    }

    /** The activities ranked again with the form's filters, not saved: shown beside the form that made them. */
    public Response preview(UUID id, Form form, Reply rerun) {
        return html(200, render(id, form, null, null, Matches.of(rerun.map(), List.of()), null));
    }

    /** A refused form, again, with what was wrong and the answers kept. */
    public Response refused(UUID id, Form form, Problem problem, Failed failed) {
        return html(problem.status(), render(id, form, problem, failed, null, null));
    }

    private TemplateInstance render(UUID id, Form form, Problem problem, Failed failed, Matches rerun, String message) {
        chrome.start();
        String ref = id.toString();
        CompletableFuture<Part> matching = calls.part(Service.MATCHING, "/matches/" + ref);
        CompletableFuture<Part> activities = calls.part(Service.REFERRAL, "/referrals/" + ref + "/activity-referrals");
        boolean filtersSent = failed != null && "rerun".equals(failed.action()) || rerun != null;
        CompletableFuture<Part> assessments = filtersSent ? null : calls.part(Service.REFERRAL, "/referrals/" + ref + "/assessment");
        Map<String, Object> referral = calls.get(Service.REFERRAL, "/referrals/" + ref).map();

        Part match = Calls.join(matching);
        Part sent = Calls.join(activities);
        Matches matches = match.available() ? Matches.of(match.map(), sent.available() ? sent.list() : List.of()) : null;
        Filters filters = filtersSent ? Filters.of(form) : Filters.ofAssessments(Calls.join(assessments));
        String status = String.valueOf(referral.get("status"));
        return page.data("chrome", chrome).data("nav", "caseload").data("referralId", ref).data("referral", referral)
                .data("name", name(referral)).data("match", match).data("matches", matches).data("rerun", rerun)
                .data("activities", sent).data("filters", filters).data("canSend", SENDABLE.contains(status))
                .data("form", form).data("problem", problem).data("failed", failed == null ? new Failed("", null) : failed)
                .data("message", message);
    }

    /** The person's name, for the caption only: never in the title or the address. */
    static String name(Map<String, Object> referral) {
        if (referral.get("person") instanceof Map<?, ?> person) {
            String given = person.get("givenName") == null ? "" : person.get("givenName").toString();
            String family = person.get("familyName") == null ? "" : person.get("familyName").toString();
            return (given + " " + family).strip();
        }
        return "";
    }

    static Response html(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page.render()).build();
    }
}
