package org.linkwork.directory.publishing;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.linkwork.directory.DirectoryService;
import org.linkwork.platform.problem.ProblemException;
import org.linkwork.platform.problem.QueryParameters;
import org.linkwork.platform.security.Caller;

/** Publishing and reading HSDS services. Reading is open: the directory holds no personal data. */
@Path("/services")
@Produces(MediaType.APPLICATION_JSON)
public class ServiceResource {

    final ServiceEditor editor;
    final Caller caller;

    ServiceResource(ServiceEditor editor, Caller caller) {
        this.editor = editor;
        this.caller = caller;
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"provider", "admin"})
    @Transactional
    @Operation(summary = "Publish or update a service of your organisation", description = "201 when created, 200 when updated.")
    public Response put(@PathParam("id") String id, @NotNull @Valid HsdsService request, UriInfo uri) {
        if (!id.matches(HsdsService.ID) || id.length() > 100) {
            throw ProblemException.invalid("id", "letters, digits, '-', '_', '.' and ':' only, at most 100");
        }
        ServiceEditor.Saved saved = editor.put(id, request, caller);
        HsdsService body = read(saved.service().id);
        return saved.created() ? Response.created(uri.getAbsolutePath()).entity(body).build() : Response.ok(body).build();
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Transactional
    @Operation(summary = "Read a service in HSDS 3.0 form")
    public HsdsService get(@PathParam("id") String id) {
        return read(id);
    }

    @GET
    @PermitAll
    @Transactional
    @Operation(summary = "List services, a page at a time")
    public ServicePage list(@QueryParam("page") String pageParam, @QueryParam("per_page") String perPageParam) {
        int page = QueryParameters.integer("page", pageParam, 1, 1, 100_000);
        int perPage = QueryParameters.integer("per_page", perPageParam, 50, 1, 500);
        long total = DirectoryService.count();
        List<HsdsService> contents = DirectoryService.<DirectoryService>findAll(io.quarkus.panache.common.Sort.by("name").and("id"))
                .page(page - 1, perPage).list().stream().map(HsdsMapper::toHsds).toList();
        return ServicePage.of(contents, total, page, perPage);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({"provider", "admin"})
    @Operation(summary = "Remove a service of your organisation")
    public Response delete(@PathParam("id") String id) {
        editor.delete(id, caller);
        return Response.noContent().build();
    }

    private static HsdsService read(String id) {
        DirectoryService service = DirectoryService.findById(id);
        if (service == null) {
            throw ProblemException.notFound("service");
        }
        return HsdsMapper.toHsds(service);
    }
}
