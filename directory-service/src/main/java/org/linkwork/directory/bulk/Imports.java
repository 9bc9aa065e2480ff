package org.linkwork.directory.bulk;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.linkwork.directory.entry.Jdbc;
import org.linkwork.directory.hsds.HsdsService;
import org.linkwork.directory.taxonomy.Taxonomies;
import org.linkwork.directory.taxonomy.TermIndex;

/** Runs imports from each kind of source and keeps their reports. */
@ApplicationScoped
public class Imports {

    @ConfigProperty(name = "linkwork.directory.import.feed-page-size", defaultValue = "100")
    int feedPageSize;

    /** A guard against feeds that never say their last page. */
    @ConfigProperty(name = "linkwork.directory.import.feed-max-pages", defaultValue = "10000")
    int feedMaxPages;

    @ConfigProperty(name = "linkwork.directory.import.feed-timeout", defaultValue = "30s")
    Duration feedTimeout;

    final ServiceImporter importer;
    final Taxonomies taxonomies;
    final AgroalDataSource dataSource;
    final ObjectMapper mapper;

    Imports(ServiceImporter importer, Taxonomies taxonomies, AgroalDataSource dataSource, ObjectMapper mapper) {
        this.importer = importer;
        this.taxonomies = taxonomies;
        this.dataSource = dataSource;
        this.mapper = mapper;
    }

    /** An HSDS JSON list of full services (or an ORUK page of them). */
    public ImportReport jsonList(InputStream in, String source) throws IOException {
        try (JsonServiceList list = new JsonServiceList(in, mapper)) {
            return finish(importer.run(importer.start(source, "json"), list));
        }
    }

    /** The HSDS CSV package as a zip, read entry by entry as it streams in. */
    public ImportReport zipPackage(InputStream in, String source) throws IOException {
        try (Connection c = dataSource.getConnection(); CsvPackage pkg = new CsvPackage(c, importer.validator());
                ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (!entry.isDirectory()) {
                    pkg.stage(Path.of(entry.getName()).getFileName().toString(), new FilterInputStream(zip) {
                        @Override
                        public void close() {
                            // COPY must not close the zip: the next entry follows
                        }
                    });
                }
            }
            return land(pkg, source);
        } catch (SQLException e) {
            throw Jdbc.failed(e);
        }
    }

    /** The HSDS CSV package as a folder of CSV files. */
    public ImportReport folderPackage(Path folder) throws IOException {
        try (Connection c = dataSource.getConnection(); CsvPackage pkg = new CsvPackage(c, importer.validator());
                DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.csv")) {
            for (Path file : files) {
                try (InputStream in = Files.newInputStream(file)) {
                    pkg.stage(file.getFileName().toString(), in);
                }
            }
            return land(pkg, folder.getFileName().toString());
        } catch (SQLException e) {
            throw Jdbc.failed(e);
        }
    }

    /** A remote Open Referral UK feed, crawled page by page. */
    public ImportReport feed(String url) {
        FeedCrawler crawler = new FeedCrawler(url, feedPageSize, feedMaxPages, feedTimeout, mapper);
        return finish(importer.run(importer.start(url, "oruk-feed"), crawler));
    }

    private ImportReport land(CsvPackage pkg, String source) throws SQLException {
        ServiceImporter.Run run = importer.start(source, "csv-package");
        pkg.fileProblems.forEach(run::reject);
        pkg.eachTaxonomy(rows -> QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = dataSource.getConnection()) {
                TermImport.taxonomies(c, rows.stream().map(r -> new TermImport.TaxonomyRow(r.get("id"), r.getOr("name", r.get("id")),
                        r.get("description"), r.get("uri"), r.get("version"))).toList());
            } catch (SQLException e) {
                throw Jdbc.failed(e);
            }
        }));
        TermIndex known = taxonomies.index();
        pkg.eachTerm(rows -> QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = dataSource.getConnection()) {
                TermImport.terms(c, rows.stream().map(r -> new HsdsService.TaxonomyTerm(r.get("id"), r.get("code"), r.get("name"),
                        r.get("description"), r.get("parent_id"), r.get("taxonomy"), r.get("taxonomy_id"), r.get("term_uri"),
                        r.get("language"), null)).toList(), known);
            } catch (SQLException e) {
                throw Jdbc.failed(e);
            }
        }));
        taxonomies.reload();
        importer.run(run, pkg.services(importer.batchSize()));
        pkg.orphans(ServiceImporter.REPORTED_REJECTIONS).forEach(run::reject);
        return finish(run.report());
    }

    private ImportReport finish(ImportReport report) {
        taxonomies.reload();
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                    insert into import_run (id, source, format, started_at, finished_at, created, updated, unchanged, rejected, rejections)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                ps.setObject(1, report.id());
                ps.setString(2, report.source().length() > 500 ? report.source().substring(0, 500) : report.source());
                ps.setString(3, report.format());
                ps.setTimestamp(4, Timestamp.from(report.startedAt()));
                ps.setTimestamp(5, Timestamp.from(report.finishedAt()));
                ps.setInt(6, report.created());
                ps.setInt(7, report.updated());
                ps.setInt(8, report.unchanged());
                ps.setInt(9, report.rejected());
                ps.setString(10, mapper.writeValueAsString(report.rejections()));
                ps.executeUpdate();
            } catch (SQLException e) {
                throw Jdbc.failed(e);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        });
        return report;
    }

    /** A report kept from an earlier import. */
    public java.util.Optional<ImportReport> report(java.util.UUID id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("select * from import_run where id = ?")) {
            ps.setObject(1, id);
            try (var rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return java.util.Optional.empty();
                }
                List<ImportReport.Rejection> rejections = new ArrayList<>(List.of(mapper.readValue(rs.getString("rejections"),
                        ImportReport.Rejection[].class)));
                return java.util.Optional.of(new ImportReport(id, rs.getString("source"), rs.getString("format"),
                        rs.getTimestamp("started_at").toInstant(), rs.getTimestamp("finished_at").toInstant(), rs.getInt("created"),
                        rs.getInt("updated"), rs.getInt("unchanged"), rs.getInt("rejected"), rejections));
            }
        } catch (SQLException e) {
            throw Jdbc.failed(e);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
