package org.linkwork.directory.bulk;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.linkwork.directory.entry.DirectoryEntries;
import org.linkwork.directory.entry.EntryReader;
import org.linkwork.directory.entry.Jdbc;
import org.linkwork.directory.hsds.HsdsService;

/** The whole directory, streamed: as an HSDS JSON list of full services, or as the HSDS CSV package. */
@Path("/export")
public class ExportResource {

    private static final int PAGE = 200;

    final AgroalDataSource dataSource;
    final DirectoryEntries entries;
    final ObjectMapper mapper;

    ExportResource(AgroalDataSource dataSource, DirectoryEntries entries, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.entries = entries;
        this.mapper = mapper;
    }

    @GET
    @Path("/services.json")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "analyst"})
    @Operation(summary = "Every service, fully nested, as an HSDS JSON list")
    public Response json() {
        StreamingOutput body = out -> {
            try (JsonGenerator json = mapper.getFactory().createGenerator(out)) {
                json.writeStartArray();
                String after = "";
                while (true) {
                    List<String> ids = nextIds(after);
                    if (ids.isEmpty()) {
                        break;
                    }
                    for (HsdsService s : entries.read(ids, EntryReader.Shape.FULL)) {
                        mapper.writeValue(json, s);
                    }
                    after = ids.get(ids.size() - 1);
                    json.flush();
                }
                json.writeEndArray();
            }
        };
        return Response.ok(body).header("Content-Disposition", "attachment; filename=\"services.json\"").build();
    }

    @GET
    @Path("/package.zip")
    @Produces("application/zip")
    @RolesAllowed({"admin", "analyst"})
    @Operation(summary = "The whole directory as the HSDS tabular data package (a zip of CSV files)")
    public Response csvPackage() {
        StreamingOutput body = out -> {
            try (Connection c = dataSource.getConnection()) {
                CsvPackageExport.write(c, out);
            } catch (SQLException e) {
                throw Jdbc.failed(e);
            }
        };
        return Response.ok(body).header("Content-Disposition", "attachment; filename=\"directory-package.zip\"").build();
    }

    private List<String> nextIds(String after) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select id from service where id > ? order by id limit " + PAGE)) {
            ps.setString(1, after);
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw Jdbc.failed(e);
        }
    }
}
