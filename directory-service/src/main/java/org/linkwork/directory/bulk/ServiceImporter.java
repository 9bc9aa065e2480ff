package org.linkwork.directory.bulk;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.linkwork.directory.entry.DirectoryEntries;
import org.linkwork.directory.entry.Entry;
import org.linkwork.directory.entry.EntryRules;
import org.linkwork.directory.entry.EntryWriter;
import org.linkwork.directory.entry.Jdbc;
import org.linkwork.directory.hsds.HsdsService;
import org.linkwork.directory.taxonomy.Taxonomies;
import org.linkwork.directory.taxonomy.TermIndex;
import org.linkwork.platform.problem.Problem;
import org.linkwork.platform.problem.ProblemMappers;

/**
 * Lands services from an import source as an upsert keyed on their ids, a batch per transaction:
 * each service is checked with the same rules as a PUT; valid ones land (unchanged ones are
 * recognised by their content hash and left alone, so a rerun changes nothing), invalid ones are
 * reported with their reasons. Only one batch is held in memory at a time, plus the ids seen.
 */
@ApplicationScoped
public class ServiceImporter {

    private static final Logger LOG = Logger.getLogger(ServiceImporter.class);
    static final int REPORTED_REJECTIONS = 1000;

    /** Services written per transaction. */
    @ConfigProperty(name = "linkwork.directory.import.batch-size", defaultValue = "1000")
    int batchSize;

    final DirectoryEntries entries;
    final Taxonomies taxonomies;
    final Validator validator;

    ServiceImporter(DirectoryEntries entries, Taxonomies taxonomies, jakarta.validation.ValidatorFactory validation) {
        this.entries = entries;
        this.taxonomies = taxonomies;
        this.validator = plainValidator(validation);
    }

    /**
     * The platform's validator (JSON field names) without the JPA traversable resolver: the records
     * validated here are not entities, and asking JPA about each of their properties costs an
     * exception per property, which was most of the time of a large import.
     */
    static Validator plainValidator(jakarta.validation.ValidatorFactory validation) {
        return validation.usingContext().traversableResolver(new jakarta.validation.TraversableResolver() {
            @Override
            public boolean isReachable(Object bean, jakarta.validation.Path.Node node, Class<?> rootType, jakarta.validation.Path path,
                    java.lang.annotation.ElementType type) {
                return true;
            }

            @Override
            public boolean isCascadable(Object bean, jakarta.validation.Path.Node node, Class<?> rootType, jakarta.validation.Path path,
                    java.lang.annotation.ElementType type) {
                return true;
            }
        }).getValidator();
    }

    Validator validator() {
        return validator;
    }

    /** Progress of one import. */
    final class Run {
        final UUID id = UUID.randomUUID();
        final String source;
        final String format;
        final Instant startedAt = Instant.now();
        int created;
        int updated;
        int unchanged;
        int rejected;
        final List<ImportReport.Rejection> rejections = new ArrayList<>();
        final Set<String> seen = new HashSet<>();
        long readingNanos;
        long checkingNanos;
        long writingNanos;

        Run(String source, String format) {
            this.source = source;
            this.format = format;
        }

        void reject(ImportReport.Rejection r) {
            rejected++;
            if (rejections.size() < REPORTED_REJECTIONS) {
                rejections.add(r);
            }
        }

        ImportReport report() {
            return new ImportReport(id, source, format, startedAt, Instant.now(), created, updated, unchanged, rejected, List.copyOf(rejections));
        }
    }

    int batchSize() {
        return batchSize;
    }

    Run start(String source, String format) {
        return new Run(source, format);
    }

    /** Lands every candidate and returns the report. */
    ImportReport run(Run run, Iterator<Candidate> candidates) {
        List<Candidate> batch = new ArrayList<>(batchSize);
        long t = System.nanoTime();
        while (candidates.hasNext()) {
            batch.add(candidates.next());
            if (batch.size() == batchSize) {
                run.readingNanos += System.nanoTime() - t;
                land(run, batch);
                batch.clear();
                t = System.nanoTime();
            }
        }
        run.readingNanos += System.nanoTime() - t;
        if (!batch.isEmpty()) {
            land(run, batch);
        }
        ImportReport report = run.report();
        LOG.infof("Import %s from %s: %d created, %d updated, %d unchanged, %d rejected; %d ms reading, %d ms checking, %d ms writing",
                run.id, run.format, report.created(), report.updated(), report.unchanged(), report.rejected(), run.readingNanos / 1_000_000,
                run.checkingNanos / 1_000_000, run.writingNanos / 1_000_000);
        return report;
    }

    private void land(Run run, List<Candidate> batch) {
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = entries.connection()) {
                // an import commits a batch at a time: these commits need not wait for the disk, since the
                // report is written last with a normal commit, which makes every earlier batch durable too
                try (var s = c.createStatement()) {
                    s.execute("set local synchronous_commit = off");
                }
                landBatch(c, run, batch);
            } catch (SQLException e) {
                throw Jdbc.failed(e);
            }
        });
    }

    private void landBatch(Connection c, Run run, List<Candidate> batch) throws SQLException {
        long started = System.nanoTime();
        List<HsdsService.TaxonomyTerm> nestedTerms = new ArrayList<>();
        for (Candidate candidate : batch) {
            if (candidate.service() != null && candidate.service().attributes() != null) {
                candidate.service().attributes().stream().map(HsdsService.Attribute::taxonomyTerm)
                        .filter(t -> t != null && t.id() != null && t.name() != null).forEach(nestedTerms::add);
            }
        }
        TermIndex known = taxonomies.index();
        TermIndex terms = known;
        if (!nestedTerms.isEmpty() && nestedTerms.stream().anyMatch(t -> known.byId(t.id()).isEmpty())) {
            TermImport.terms(c, nestedTerms, known);
            terms = taxonomies.reload(c);
        }
        EntryRules rules = entries.rules(terms);
        TermIndex index = terms;
        // checking is CPU work on independent services: use every core
        List<Checked> checkedBatch = batch.parallelStream().map(candidate -> check(candidate, rules, index)).toList();
        Map<String, Candidate> valid = new LinkedHashMap<>();
        List<Entry> prepared = new ArrayList<>();
        for (Checked result : checkedBatch) {
            Candidate candidate = result.candidate();
            candidate.rejections().forEach(run::reject);
            List<Problem.FieldError> errors = new ArrayList<>(result.errors());
            if (result.entry() != null) {
                if (!run.seen.add(result.entry().id())) {
                    errors.add(new Problem.FieldError("id", "the same service appears twice in this import"));
                } else {
                    valid.put(result.entry().id(), candidate);
                    prepared.add(result.entry());
                }
            }
            errors.stream().sorted(java.util.Comparator.comparing(Problem.FieldError::field)).forEach(e ->
                    run.reject(new ImportReport.Rejection(candidate.file(), candidate.row(), candidate.id(), e.field(), e.message())));
        }
        long checked = System.nanoTime();
        run.checkingNanos += checked - started;
        if (prepared.isEmpty()) {
            return;
        }
        EntryWriter writer = new EntryWriter(c);
        Map<String, EntryWriter.Stored> stored = writer.lockStored(valid.keySet());
        // an entry whose content is stored already cannot conflict: only changed ones are checked
        Map<String, List<Problem.FieldError>> conflicts = writer.conflicts(prepared.stream()
                .filter(e -> stored.get(e.id()) == null || !e.contentHash().equals(stored.get(e.id()).contentHash())).toList());
        List<Entry> landing = new ArrayList<>();
        for (Entry e : prepared) {
            List<Problem.FieldError> problems = conflicts.get(e.id());
            if (problems == null) {
                landing.add(e);
            } else {
                Candidate from = valid.get(e.id());
                problems.forEach(p -> run.reject(new ImportReport.Rejection(from.file(), from.row(), e.id(), p.field(), p.message())));
            }
        }
        for (EntryWriter.Written w : entries.store(c, landing, stored, terms)) {
            switch (w.change()) {
                case CREATED -> run.created++;
                case UPDATED -> run.updated++;
                case UNCHANGED -> run.unchanged++;
            }
        }
        run.writingNanos += System.nanoTime() - checked;
    }

    private record Checked(Candidate candidate, Entry entry, List<Problem.FieldError> errors) {
    }

    private Checked check(Candidate candidate, EntryRules rules, TermIndex terms) {
        HsdsService s = candidate.service();
        if (s == null) {
            return new Checked(candidate, null, List.of());
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<HsdsService> v : validator.validate(s)) {
            errors.add(new Problem.FieldError(ProblemMappers.fieldOf(v), v.getMessage()));
        }
        if (!errors.isEmpty()) {
            return new Checked(candidate, null, errors);
        }
        EntryRules.Checked checked = rules.check(s, null);
        return checked.valid() ? new Checked(candidate, Entry.of(checked.service(), terms), List.of())
                : new Checked(candidate, null, checked.errors());
    }
}
