package org.linkwork.directory.publishing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.linkwork.directory.entry.DirectoryEntries;
import org.linkwork.directory.entry.Entry;
import org.linkwork.directory.entry.EntryRules;
import org.linkwork.directory.entry.EntryWriter;
import org.linkwork.directory.entry.Jdbc;
import org.linkwork.directory.hsds.HsdsService;
import org.linkwork.directory.taxonomy.TermIndex;
import org.linkwork.platform.problem.Problem;
import org.linkwork.platform.problem.ProblemException;
import org.linkwork.platform.security.Caller;

/**
 * Writes services as providers and admins publish them: providers their own organisation's only,
 * admins any. Every change is announced with a full snapshot on the compacted
 * {@code directory-service-changed} topic (in {@link DirectoryEntries}).
 */
@ApplicationScoped
public class ServiceEditor {

    final DirectoryEntries entries;

    ServiceEditor(DirectoryEntries entries) {
        this.entries = entries;
    }

    public record Saved(String id, boolean created, long version) {
    }

    @Transactional
    public Saved put(String id, HsdsService request, Caller caller, String ifMatch, String ifNoneMatch) {
        String organisationId = request.organization().id();
        if (!caller.belongsTo(organisationId)) {
            throw new ProblemException(Problem.of("forbidden", "Forbidden", 403,
                    "Providers publish services of their own organisation only", List.of()));
        }
        TermIndex terms = entries.terms();
        EntryRules.Checked checked = entries.rules(terms).check(request, id);
        if (!checked.valid()) {
            throw invalid(checked.errors());
        }
        try (Connection c = entries.connection()) {
            EntryWriter writer = new EntryWriter(c);
            Map<String, EntryWriter.Stored> stored = writer.lockStored(List.of(id));
            EntryWriter.Stored current = stored.get(id);
            if (current != null && !caller.belongsTo(current.organizationId())) {
                // another organisation's service: do not reveal it exists
                throw ProblemException.notFound("service");
            }
            Preconditions.check(ifMatch, ifNoneMatch, current == null ? null : current.version(), true);
            Entry entry = Entry.of(checked.service(), terms);
            List<Problem.FieldError> conflicts = writer.conflicts(List.of(entry)).getOrDefault(id, List.of());
            if (!conflicts.isEmpty()) {
                throw new ProblemException(Problem.of("conflict", "Conflict", 409,
                        "An id or location in the service belongs to another service or organisation", conflicts));
            }
            EntryWriter.Written written = entries.store(c, List.of(entry), stored, terms).get(0);
            return new Saved(id, written.change() == EntryWriter.Change.CREATED, written.version());
        } catch (SQLException e) {
            throw Jdbc.failed(e);
        }
    }

    @Transactional
    public void delete(String id, Caller caller, String ifMatch) {
        try (Connection c = entries.connection()) {
            EntryWriter.Stored current = new EntryWriter(c).lockStored(List.of(id)).get(id);
            if (current == null || !caller.belongsTo(current.organizationId())) {
                throw ProblemException.notFound("service");
            }
            Preconditions.check(ifMatch, null, current.version(), false);
            entries.delete(c, id);
        } catch (SQLException e) {
            throw Jdbc.failed(e);
        }
    }

    /** The provider confirms the entry is correct today: its assured_date becomes today. */
    @Transactional
    public Saved assure(String id, Caller caller, String ifMatch) {
        try (Connection c = entries.connection()) {
            EntryWriter.Stored current = new EntryWriter(c).lockStored(List.of(id)).get(id);
            if (current == null || !caller.belongsTo(current.organizationId())) {
                throw ProblemException.notFound("service");
            }
            Preconditions.check(ifMatch, null, current.version(), false);
            java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/London"));
            EntryWriter.Written w = entries.rewrite(c, List.of(id), entries.terms(), s -> s.withAssuredDate(today)).get(0);
            return new Saved(id, false, w.version());
        } catch (SQLException e) {
            throw Jdbc.failed(e);
        }
    }

    static ProblemException invalid(List<Problem.FieldError> errors) {
        String detail = errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message() : errors.size() + " fields are not valid";
        return new ProblemException(Problem.of("validation-failed", "The request is not valid", 400, detail, errors));
    }
}
