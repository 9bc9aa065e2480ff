package org.linkwork.referral.notes;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.linkwork.platform.security.Caller;
import org.linkwork.referral.CareTeamAccess;
import org.linkwork.referral.Referral;
import org.linkwork.referral.privacy.AuditLog;
import org.linkwork.referral.timeline.Timeline;

@Path("/referrals/{id}/notes")
@Produces(MediaType.APPLICATION_JSON)
public class NotesResource {

    final CareTeamAccess access;
    final Caller caller;
    final Timeline timeline;
    final AuditLog audit;

    NotesResource(CareTeamAccess access, Caller caller, Timeline timeline, AuditLog audit) {
        this.access = access;
        this.caller = caller;
        this.timeline = timeline;
        this.audit = audit;
    }

    public record NewNote(@NotBlank @Size(max = 4000) String text) {
    }

    public record NoteView(UUID id, String author, String authorRole, String text, Instant createdAt) {
        static NoteView of(Note n) {
            return new NoteView(n.id, n.author, n.authorRole, n.text, n.createdAt);
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"referrer", "link-worker", "admin"})
    @Transactional
    @Operation(summary = "Add a note to a referral", description = "Notes stay in referral-service; they never travel in events.")
    public Response add(@PathParam("id") UUID id, @NotNull @Valid NewNote request) {
        Referral referral = access.referralVisibleToCaller(id);
        Note note = Note.add(referral, caller.username(), access.actingRole(), request.text().strip());
        timeline.add(referral, "note", "Note added", caller.username(), access.actingRole());
        audit.record("note", referral, null);
        return Response.status(201).entity(NoteView.of(note)).build();
    }

    @GET
    @RolesAllowed({"referrer", "link-worker", "admin"})
    @Transactional
    @Operation(summary = "A referral's notes, oldest first")
    public List<NoteView> list(@PathParam("id") UUID id) {
        Referral referral = access.referralVisibleToCaller(id);
        audit.record("read-notes", referral, null);
        return Note.<Note>list("referralId = ?1 order by createdAt", referral.id).stream().map(NoteView::of).toList();
    }
}
