package org.linkwork.directory.publishing;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.linkwork.directory.entry.DirectoryEntries;
import org.linkwork.directory.entry.EntryReader;
import org.linkwork.directory.hsds.Hsds;
import org.linkwork.directory.hsds.HsdsService;
import org.linkwork.platform.problem.ProblemException;
import org.linkwork.platform.security.Caller;

/** Providers publish, change and remove their own organisation's services; admins any. */
@Path("/services")
@Produces(MediaType.APPLICATION_JSON)
public class ServiceResource {

    final ServiceEditor editor;
    final DirectoryEntries entries;
    final Caller caller;

    ServiceResource(ServiceEditor editor, DirectoryEntries entries, Caller caller) {
        this.editor = editor;
        this.entries = entries;
        this.caller = caller;
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"provider", "admin"})
    @Operation(summary = "Publish or update a service of your organisation",
            description = "201 when created, 200 when updated. Changing an existing service needs If-Match with its ETag (428 without, 412 when stale).")
    public Response put(@PathParam("id") String id, @NotNull @Valid HsdsService request, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch, UriInfo uri) {
        if (!id.matches(Hsds.ID) || id.length() > 100) {
            throw ProblemException.invalid("id", Hsds.ID_MESSAGE + ", at most 100");
        }
        ServiceEditor.Saved saved = editor.put(id, request, caller, ifMatch, ifNoneMatch);
        HsdsService body = entries.read(id, EntryReader.Shape.FULL).orElseThrow();
        Response.ResponseBuilder response = saved.created() ? Response.created(uri.getAbsolutePath()) : Response.ok();
        return response.entity(body).tag(new jakarta.ws.rs.core.EntityTag(String.valueOf(saved.version()))).build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({"provider", "admin"})
    @Operation(summary = "Remove a service of your organisation", description = "If-Match is optional; when sent it must be current.")
    public Response delete(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        editor.delete(id, caller, ifMatch);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/assurance")
    @RolesAllowed({"provider", "admin"})
    @Operation(summary = "Confirm a service's details are correct today", description = "Sets assured_date to today, ending a review reminder.")
    public Response assure(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        ServiceEditor.Saved saved = editor.assure(id, caller, ifMatch);
        HsdsService body = entries.read(id, EntryReader.Shape.FULL).orElseThrow();
        return Response.ok(body).tag(new jakarta.ws.rs.core.EntityTag(String.valueOf(saved.version()))).build();
    }
}
