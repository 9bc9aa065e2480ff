package org.linkwork.referral.privacy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.linkwork.platform.security.Caller;

/** The person's rights, exercised by an admin: subject access and erasure. */
@Path("/people/{personRef}")
@Produces(MediaType.APPLICATION_JSON)
public class PeopleResource {

    final PersonRecords records;
    final Caller caller;
    final AuditLog audit;

    PeopleResource(PersonRecords records, Caller caller, AuditLog audit) {
        this.records = records;
        this.caller = caller;
        this.audit = audit;
    }

    @GET
    @Path("/export")
    @RolesAllowed("admin")
    @Transactional
    @Operation(summary = "Subject access: everything held about a person, as JSON")
    public Response export(@PathParam("personRef") String personRef) {
        Map<String, Object> export = records.export(personRef);
        audit.recordPerson("export", personRef, null);
        return Response.ok(export).header("Content-Disposition", "attachment; filename=\"" + personRef + ".json\"").build();
    }

    @POST
    @Path("/erasure")
    @RolesAllowed("admin")
    @Transactional
    @Operation(summary = "Erase a person's data", description = "Identifiers and free text go; the pseudonymous history stays. Idempotent.")
    public Response erase(@PathParam("personRef") String personRef) {
        records.erase(personRef, caller.username(), Caller.ADMIN);
        audit.recordPerson("erase", personRef, null);
        return Response.ok(Map.of("personRef", personRef, "erased", true)).build();
    }
}
