package org.linkwork.directory.bulk;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.linkwork.platform.problem.Problem;
import org.linkwork.platform.problem.ProblemException;

/**
 * Bulk import, for admins: an HSDS JSON list or CSV package (zip) in the body, a CSV package folder
 * on the server, or a remote ORUK feed. Each answers with the report of what landed and what did
 * not, and why. An uploaded body goes to a file as it arrives ({@link Upload}) and is imported from
 * there; its size is capped by {@code linkwork.directory.import.upload-limit} (the platform's body
 * size guard refuses more, as problem+json), every other body by the service's standard limit.
 */
@jakarta.ws.rs.Path("/imports")
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {

    public record FolderRequest(String path) {
    }

    public record FeedRequest(String url) {
    }

    /** Folders under this one may be imported; folder import is off when it is not set. */
    @ConfigProperty(name = "linkwork.directory.import.folder-root")
    Optional<String> folderRoot;

    /** Where uploads wait while they are imported; the system's temporary folder when not set. */
    @ConfigProperty(name = "linkwork.directory.import.upload-folder")
    Optional<String> uploadFolder;

    final Imports imports;

    ImportResource(Imports imports) {
        this.imports = imports;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Import an HSDS JSON list of full services (upsert by id)")
    public ImportReport json(InputStream body) throws IOException {
        try (Upload upload = receive(body); InputStream in = upload.open()) {
            try {
                return imports.jsonList(in, "upload");
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw malformed("the body is not a JSON list of services");
            } catch (IOException e) {
                throw malformed(e.getMessage() == null ? "the body could not be read" : e.getMessage());
            }
        }
    }

    @POST
    @Consumes({"application/zip", "application/x-zip-compressed"})
    @RolesAllowed("admin")
    @Operation(summary = "Import the HSDS tabular data package (a zip of CSV files; upsert by id)")
    public ImportReport zip(InputStream body) throws IOException {
        try (Upload upload = receive(body); InputStream in = upload.open()) {
            return imports.zipPackage(in, "upload.zip");
        }
    }

    /** The whole body on disk; a body over its limit is refused while it arrives, and nothing is imported. */
    private Upload receive(InputStream body) throws IOException {
        Path folder = uploadFolder.filter(f -> !f.isBlank()).map(Path::of).orElse(Path.of(System.getProperty("java.io.tmpdir")));
        return Upload.receive(body, folder);
    }

    @POST
    @jakarta.ws.rs.Path("/folder")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Import a CSV package folder on the server, under linkwork.directory.import.folder-root")
    public ImportReport folder(FolderRequest request) throws IOException {
        Path root = folderRoot.filter(r -> !r.isBlank()).map(r -> Path.of(r).toAbsolutePath().normalize())
                .orElseThrow(() -> new ProblemException(Problem.of("folder-import-off", "Folder import is off", 404,
                        "Folder import is off: set linkwork.directory.import.folder-root", java.util.List.of())));
        if (request == null || request.path() == null || request.path().isBlank()) {
            throw ProblemException.invalid("path", "required");
        }
        Path folder = root.resolve(request.path()).toAbsolutePath().normalize();
        if (!folder.startsWith(root) || !Files.isDirectory(folder)) {
            throw ProblemException.invalid("path", "not a folder under the import root");
        }
        return imports.folderPackage(folder);
    }

    @POST
    @jakarta.ws.rs.Path("/feed")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Import a remote Open Referral UK feed (its base URL), crawling /services page by page")
    public ImportReport feed(FeedRequest request) {
        if (request == null || request.url() == null || !request.url().matches("^https?://[^\\s]+$")) {
            throw ProblemException.invalid("url", "an http or https URL of an ORUK feed");
        }
        try {
            return imports.feed(request.url());
        } catch (FeedCrawler.FeedException e) {
            throw new ProblemException(Problem.of("feed-unreadable", "The feed could not be read", 502, e.getMessage(),
                    java.util.List.of(new Problem.FieldError("url", e.getMessage()))));
        }
    }

    @GET
    @jakarta.ws.rs.Path("/{id}")
    @RolesAllowed("admin")
    @Operation(summary = "The report of an earlier import")
    public ImportReport report(@PathParam("id") String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("import");
        }
        return imports.report(uuid).orElseThrow(() -> ProblemException.notFound("import"));
    }

    private static ProblemException malformed(String detail) {
        return new ProblemException(Problem.of("malformed-json", "The request body is not valid JSON", 400, detail,
                java.util.List.of(new Problem.FieldError("$", detail))));
    }
}
