package org.linkwork.console.caseload;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.linkwork.console.ConsoleConfig;
import org.linkwork.console.services.Calls;
import org.linkwork.console.services.Part;
import org.linkwork.console.services.Service;
import org.linkwork.console.web.Chrome;

/**
 * The caseload: the link worker's own referrals or their teams', overdue first and then by the
 * next action's due date, with counts per status and filters by status, practice and overdue.
 */
@Path("/caseload")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("link-worker")
public class CaseloadPage {

    /** Statuses a referral is still worked in; the exits and closed are shown only when asked for. */
    static final List<String> OPEN = List.of("received", "accepted", "contacted", "assessed", "matched", "in-activity", "completed");
    static final List<String> ALL = List.of("received", "accepted", "contacted", "assessed", "matched", "in-activity", "completed", "closed",
            "rejected", "declined", "unable-to-contact", "withdrawn");

    public record Filters(String tab, String status, String practice, String overdue, int page) {

        String query(int toPage) {
            StringBuilder q = new StringBuilder("?tab=").append(tab);
            if (!status.isEmpty()) {
                q.append("&status=").append(URLEncoder.encode(status, StandardCharsets.UTF_8));
            }
            if (!practice.isEmpty()) {
                q.append("&practice=").append(URLEncoder.encode(practice, StandardCharsets.UTF_8));
            }
            if (!overdue.isEmpty()) {
                q.append("&overdue=").append(overdue);
            }
            return q.append("&page=").append(toPage).toString();
        }

        public String tabHref(String other) {
            return "/caseload?tab=" + other;
        }

        public boolean filtered() {
            return !status.isEmpty() || !practice.isEmpty() || !overdue.isEmpty();
        }
    }

    public record Count(String status, long count, String href) {
    }

    private final Calls calls;
    private final Chrome chrome;
    private final Template page;
    private final int pageSize;

    CaseloadPage(Calls calls, Chrome chrome, @Location("caseload/caseload.html") Template page, ConsoleConfig config) {
        this.calls = calls;
        this.chrome = chrome;
        this.page = page;
        this.pageSize = config.caseload().pageSize();
    }

    @GET
    public TemplateInstance caseload(@QueryParam("tab") String tabParam, @QueryParam("status") String statusParam,
            @QueryParam("practice") String practiceParam, @QueryParam("overdue") String overdueParam, @QueryParam("page") String pageParam) {
        chrome.start();
        String tab = "team".equals(tabParam) ? "team" : "mine";
        String status = statusParam != null && ALL.contains(statusParam) ? statusParam : "";
        String practice = practiceParam == null ? "" : practiceParam.strip().toUpperCase().replaceAll("[^A-Z0-9]", "");
        String overdue = "true".equals(overdueParam) ? "true" : "";
        int pageNumber = parsePage(pageParam);
        Filters filters = new Filters(tab, status, practice, overdue, pageNumber);

        String scope = "/caseload?scope=" + tab;
        StringBuilder listQuery = new StringBuilder(scope).append("&status=").append(status.isEmpty() ? String.join(",", OPEN) : status);
        if (!practice.isEmpty()) {
            listQuery.append("&practice=").append(practice);
        }
        if (!overdue.isEmpty()) {
            listQuery.append("&overdue=true");
        }
        listQuery.append("&page=").append(pageNumber).append("&size=").append(pageSize);
        CompletableFuture<Part> list = calls.part(Service.REFERRAL, listQuery.toString());
        Map<String, CompletableFuture<Part>> counting = new LinkedHashMap<>();
        for (String code : OPEN) {
            counting.put(code, calls.part(Service.REFERRAL, scope + "&status=" + code + "&size=1"));
        }
        CompletableFuture<Part> overdueCount = calls.part(Service.REFERRAL, scope + "&overdue=true&size=1");

        Part listed = Calls.join(list);
        List<Count> counts = new ArrayList<>();
        for (Map.Entry<String, CompletableFuture<Part>> entry : counting.entrySet()) {
            Part part = Calls.join(entry.getValue());
            counts.add(new Count(entry.getKey(), total(part), "/caseload?tab=" + tab + "&status=" + entry.getKey()));
        }
        long overdueTotal = total(Calls.join(overdueCount));
        long total = total(listed);
        long pages = Math.max(1, (total + pageSize - 1) / pageSize);
        return page.data("chrome", chrome).data("nav", "caseload").data("filters", filters).data("list", listed)
                .data("counts", counts).data("overdueCount", overdueTotal).data("statuses", ALL).data("total", total)
                .data("pages", pages).data("previous", pageNumber > 0 ? filters.query(pageNumber - 1) : null)
                .data("next", pageNumber + 1 < pages ? filters.query(pageNumber + 1) : null);
    }

    private static long total(Part part) {
        return part.available() && part.map().get("total") instanceof Number n ? n.longValue() : 0;
    }

    private static int parsePage(String value) {
        try {
            return value == null ? 0 : Math.max(0, Math.min(10_000, Integer.parseInt(value)));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
