package org.linkwork.referral.fhir;

import ca.uhn.fhir.parser.DataFormatException;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.jboss.logging.Logger;
import org.linkwork.platform.problem.ProblemException;
import org.linkwork.referral.Referral;
import org.linkwork.referral.ReferralSettings;
import org.linkwork.referral.intake.ReferralIntake;

/**
 * Fetches what a referring system's Task points at (the ServiceRequest, its Patient and Consent)
 * and makes it a referral through the usual intake. It runs in the background, so the referring
 * system gets its Task back at once and a slow or failing server of theirs never holds our request
 * threads: right after the Task is stored, then again every retry interval until it succeeds or the
 * tries run out. Every outcome ends on the Task: the referral's status, or failed / rejected with why.
 */
@ApplicationScoped
public class PartnerReferralFetch {

    private static final Logger LOG = Logger.getLogger(PartnerReferralFetch.class);

    final ReferralIntake intake;
    final Partners partners;
    final ReferralSettings settings;
    final HttpClient http;
    final ExecutorService background = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "partner-fhir-fetch");
        t.setDaemon(true);
        return t;
    });

    PartnerReferralFetch(ReferralIntake intake, Partners partners, ReferralSettings settings) {
        this.intake = intake;
        this.partners = partners;
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.fhirFetch().timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
    }

    /** Starts fetching once the Task's transaction has committed. */
    public void soon(UUID taskId) {
        background.submit(() -> fetch(taskId));
    }

    @Scheduled(every = "${linkwork.referral.fhir-fetch.retry-interval:30s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void retryDue() {
        @SuppressWarnings("unchecked")
        List<UUID> due = QuarkusTransaction.requiringNew().call(() -> Panache.getEntityManager().createNativeQuery(
                "select id from referral_task where status = 'requested' and referral_id is null and next_fetch_at <= ?1 order by next_fetch_at limit 20")
                .setParameter(1, Timestamp.from(Instant.now())).getResultList());
        due.forEach(this::fetch);
    }

    /** Problems that end the fetch: the Task is marked with its status and why. */
    static final class Refused extends Exception {
        final String status;
        final String code;

        Refused(String status, String code, String reason) {
            super(reason, null, false, false);
            this.status = status;
            this.code = code;
        }
    }

    /** A problem worth trying again later (the partner's server unreachable, busy or failing). */
    static final class Transient extends Exception {
        Transient(String reason) {
            super(reason, null, false, false);
        }
    }

    void fetch(UUID taskId) {
        Claimed task = claim(taskId).orElse(null);
        if (task == null) {
            return; // not due, already fetched, or being fetched elsewhere
        }
        try {
            ReferralSettings.Partner partner = partners.of(task.clientId).orElseThrow(() -> new Refused("failed", "partner-not-configured",
                    "No FHIR base is configured for the client that posted this Task"));
            ServiceRequest sr = read(partner, task.focus, "ServiceRequest", ServiceRequest.class);
            resolveSubject(partner, sr);
            resolveConsent(partner, sr);
            if (!sr.getRequester().hasIdentifier() && !isLocal(sr.getRequester()) && task.organisation != null) {
                // the practice is the posting client's own organisation when the requester lives on their server
                sr.getRequester().setIdentifier(new Identifier().setSystem(FhirCodes.ODS_ORGANISATION).setValue(task.organisation));
            }
            FhirIssues issues = new FhirIssues();
            ServiceRequestIn.Read read = ServiceRequestIn.read(sr, task.organisation, task.postedBy, issues);
            if (read == null) {
                throw new Refused("rejected", "invalid-referral", "The ServiceRequest is not a referral Linkwork can take: "
                        + issues.outcome().getIssue().stream().map(i -> i.getExpression().stream().map(Object::toString)
                        .collect(Collectors.joining(",")) + " " + i.getDiagnostics()).collect(Collectors.joining("; ")));
            }
            receive(taskId, read);
        } catch (Refused r) {
            end(taskId, r.status, r.code, r.getMessage());
        } catch (Transient t) {
            if (task.attempts >= settings.fhirFetch().attempts()) {
                end(taskId, "failed", "fetch-failed", t.getMessage() + " (after " + task.attempts + " tries)");
            } else {
                LOG.infof("Task %s: fetch try %d failed, will try again: %s", taskId, task.attempts, t.getMessage());
            }
        } catch (RuntimeException e) {
            LOG.errorf("Task %s: fetch failed unexpectedly (%s)", taskId, e.getClass().getName());
            end(taskId, "failed", "fetch-failed", "The referral could not be taken in");
        }
    }

    record Claimed(String clientId, String postedBy, String organisation, String focus, int attempts) {
    }

    /** Takes the Task for one try, so the scheduler and the first try never fetch the same Task at once. */
    private Optional<Claimed> claim(UUID taskId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = Panache.getEntityManager().createNativeQuery("""
                    update referral_task set fetch_attempts = fetch_attempts + 1, next_fetch_at = ?2
                    where id = ?1 and status = 'requested' and referral_id is null and next_fetch_at <= ?3
                    returning client_id, posted_by, organisation, focus, fetch_attempts""")
                    .setParameter(1, taskId).setParameter(2, Timestamp.from(Instant.now().plus(settings.fhirFetch().retryInterval())))
                    .setParameter(3, Timestamp.from(Instant.now())).getResultList();
            return rows.stream().findFirst().map(r -> new Claimed((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                    ((Number) r[4]).intValue()));
        });
    }

    private void receive(UUID taskId, ServiceRequestIn.Read read) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                ReferralTask task = ReferralTask.findById(taskId);
                if (task == null || !"requested".equals(task.status) || task.referralId != null) {
                    return; // cancelled meanwhile
                }
                Referral referral = intake.receive(read.arrival());
                task.referralId = referral.id;
                task.status = ReferralTasks.taskStatus(referral.status);
                task.nextFetchAt = null;
                task.updatedAt = Instant.now();
            });
        } catch (ProblemException e) {
            String code = "duplicate-referral".equals(FhirResponses.slug(e.problem())) ? "duplicate-referral" : "invalid-referral";
            end(taskId, "rejected", code, e.problem().detail());
        }
    }

    private void end(UUID taskId, String status, String code, String reason) {
        QuarkusTransaction.requiringNew().run(() -> {
            ReferralTask task = ReferralTask.findById(taskId);
            if (task == null || !"requested".equals(task.status) || task.referralId != null) {
                return;
            }
            task.status = status;
            task.statusReasonCode = code;
            task.statusReason = reason.length() > 300 ? reason.substring(0, 297) + "..." : reason;
            task.nextFetchAt = null;
            task.updatedAt = Instant.now();
        });
    }

    private void resolveSubject(ReferralSettings.Partner partner, ServiceRequest sr) throws Refused, Transient {
        Reference subject = sr.getSubject();
        if (isLocal(subject) || subject.getResource() != null) {
            return;
        }
        URI url = Partners.resolve(partner.fhirBase(), subject.getReference(), "Patient").orElseThrow(() -> new Refused("rejected",
                "reference-outside-base", "ServiceRequest.subject must reference a Patient on your FHIR server"));
        subject.setResource(get(partner, url, Patient.class));
    }

    private void resolveConsent(ReferralSettings.Partner partner, ServiceRequest sr) throws Refused, Transient {
        for (Reference info : sr.getSupportingInfo()) {
            if (isLocal(info) || info.getResource() != null || info.getReference() == null) {
                continue;
            }
            String ref = info.getReference();
            boolean consent = ref.startsWith("Consent/") || ref.contains("/Consent/");
            if (consent) {
                URI url = Partners.resolve(partner.fhirBase(), ref, "Consent").orElseThrow(() -> new Refused("rejected",
                        "reference-outside-base", "ServiceRequest.supportingInfo must reference a Consent on your FHIR server"));
                info.setResource(get(partner, url, Consent.class));
                return;
            }
        }
    }

    private static boolean isLocal(Reference reference) {
        return reference.getReference() != null && reference.getReference().startsWith("#");
    }

    private <T extends Resource> T read(ReferralSettings.Partner partner, String absolute, String type, Class<T> cls)
            throws Refused, Transient {
        URI url = Partners.resolve(partner.fhirBase(), absolute, type).orElseThrow(() -> new Refused("rejected",
                "reference-outside-base", "The Task's focus is not a " + type + " on your FHIR server"));
        return get(partner, url, cls);
    }

    private <T extends Resource> T get(ReferralSettings.Partner partner, URI url, Class<T> type) throws Refused, Transient {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).GET().timeout(settings.fhirFetch().timeout())
                .header("Accept", FhirResponses.FHIR_JSON);
        partner.bearerToken().ifPresent(token -> request.header("Authorization", "Bearer " + token));
        HttpResponse<InputStream> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new Transient("Your FHIR server did not answer (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Transient("interrupted");
        }
        String what = type.getSimpleName();
        int status = response.statusCode();
        String body;
        try (InputStream in = response.body()) {
            byte[] bytes = in.readNBytes(settings.fhirFetch().maxBytes() + 1);
            if (bytes.length > settings.fhirFetch().maxBytes()) {
                throw new Refused("rejected", "too-large", "The " + what + " is larger than " + settings.fhirFetch().maxBytes() + " bytes");
            }
            body = new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new Transient("Reading the " + what + " from your FHIR server failed");
        }
        if (status >= 500 || status == 429 || status == 408) {
            throw new Transient("Your FHIR server answered HTTP " + status + " for the " + what);
        }
        if (status != 200) {
            throw new Refused("failed", "fetch-failed", "Your FHIR server answered HTTP " + status + " for the " + what);
        }
        try {
            return FhirResponses.parser().parseResource(type, body);
        } catch (DataFormatException | ClassCastException e) {
            throw new Refused("rejected", "invalid-referral", "What your FHIR server returned is not a FHIR R4 " + what + " in JSON");
        }
    }
}
