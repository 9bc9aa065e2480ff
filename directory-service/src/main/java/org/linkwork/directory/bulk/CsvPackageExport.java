package org.linkwork.directory.bulk;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.postgresql.PGConnection;

/**
 * Writes the whole directory as the HSDS tabular data package: one CSV per table in a zip, each
 * streamed straight out of PostgreSQL with COPY, so the export never holds the directory in memory.
 * The package imports back unchanged.
 */
final class CsvPackageExport {

    /** File → the query producing it, columns in HSDS order and names. */
    static final Map<String, String> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("organizations.csv", "select id, name, description, email, website, uri, logo from organization order by id");
        TABLES.put("services.csv", """
                select id, organization_id, name, alternate_name, description, url, email, status, interpretation_services,
                       application_process, fees_description, wait_time, accreditations, eligibility_description, minimum_age,
                       maximum_age, assured_date, assurer_email, alert, last_modified from service order by id""");
        TABLES.put("service_capacity.csv", """
                select 'capacity:' || id as id, id as service_id, places_available as available, maximum_places as maximum,
                       last_modified as updated from service where places_available is not null or maximum_places is not null order by id""");
        TABLES.put("locations.csv", """
                select id, location_type, url, organization_id, name, alternate_name, description, latitude, longitude,
                       external_identifier, external_identifier_type from location order by id""");
        TABLES.put("addresses.csv", """
                select address_id as id, id as location_id, attention, address_1, address_2, city, region, state_province, postal_code,
                       country, 'physical' as address_type from location where address_id is not null order by address_id""");
        TABLES.put("accessibility.csv", "select id, location_id, description, details, url from accessibility order by id");
        TABLES.put("service_at_location.csv", "select id, service_id, location_id, description from service_at_location order by id");
        TABLES.put("schedules.csv", """
                select id, service_id, service_at_location_id, valid_from, valid_to, dtstart, until, count, wkst, freq, interval, byday,
                       bymonthday, description, opens_at, closes_at, schedule_link, attending_type, notes from schedule order by id""");
        TABLES.put("cost_options.csv", """
                select id, service_id, valid_from, valid_to, option, currency, amount, amount_description from cost_option order by id""");
        TABLES.put("languages.csv", "select id, service_id, name, code, note from language order by id");
        TABLES.put("service_areas.csv", "select id, service_id, name, description, extent, extent_type, uri from service_area order by id");
        TABLES.put("contacts.csv", "select id, service_id, name, title, department, email from contact order by id");
        TABLES.put("phones.csv", "select id, service_id, contact_id, number, extension, type, description from phone order by id");
        TABLES.put("attributes.csv", """
                select id, service_id as link_id, taxonomy_term_id, link_type, 'service' as link_entity, value from attribute order by id""");
        TABLES.put("taxonomies.csv", "select id, name, description, uri, version from taxonomy order by id");
        TABLES.put("taxonomy_terms.csv", """
                select id, code, name, description, parent_id, taxonomy, language, taxonomy_id, term_uri from taxonomy_term order by id""");
    }

    private CsvPackageExport() {
    }

    static void write(Connection c, OutputStream out) throws IOException, SQLException {
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        OutputStream entry = new java.io.FilterOutputStream(zip) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                zip.write(b, off, len);
            }

            @Override
            public void close() {
                // COPY must not close the zip
            }
        };
        for (Map.Entry<String, String> table : TABLES.entrySet()) {
            zip.putNextEntry(new ZipEntry(table.getKey()));
            c.unwrap(PGConnection.class).getCopyAPI().copyOut("copy (" + table.getValue() + ") to stdout with (format csv, header true)", entry);
            zip.closeEntry();
        }
        zip.putNextEntry(new ZipEntry("datapackage.json"));
        StringBuilder json = new StringBuilder("{\"name\":\"linkwork-directory\",\"profile\":\"tabular-data-package\",\"resources\":[");
        boolean first = true;
        for (String file : TABLES.keySet()) {
            json.append(first ? "" : ",").append("{\"name\":\"").append(file.replace(".csv", "")).append("\",\"path\":\"").append(file)
                    .append("\",\"format\":\"csv\",\"mediatype\":\"text/csv\"}");
            first = false;
        }
        zip.write(json.append("]}").toString().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        zip.finish();
    }
}
