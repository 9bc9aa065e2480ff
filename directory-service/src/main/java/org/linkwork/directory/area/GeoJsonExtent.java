package org.linkwork.directory.area;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A service area's {@code extent} when its {@code extent_type} is {@code geojson}: a GeoJSON
 * (RFC 7946) Polygon or MultiPolygon, or a Feature or FeatureCollection of them, read as polygons
 * with their holes. Positions are [longitude, latitude] in degrees; each ring has at least four
 * positions and ends where it starts.
 */
public final class GeoJsonExtent {

    /** The {@code extent_type} whose extent is read as a shape; other types are descriptive only. */
    public static final String TYPE = "geojson";

    private static final ObjectMapper JSON = new ObjectMapper();

    public record Position(double longitude, double latitude) {
    }

    /** A polygon: its outer ring and its holes, each ring without the repeated closing position. */
    public record Polygon(List<Position> outer, List<List<Position>> holes) {
    }

    /** Why an extent is not a shape the directory can use; the message is for the publisher. */
    public static final class Invalid extends Exception {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    private GeoJsonExtent() {
    }

    public static List<Polygon> polygons(String extent) throws Invalid {
        if (extent == null || extent.isBlank()) {
            throw new Invalid("extent_type geojson needs a GeoJSON Polygon or MultiPolygon in extent");
        }
        JsonNode root;
        try {
            root = JSON.readTree(extent);
        } catch (JsonProcessingException e) {
            throw new Invalid("not GeoJSON: the extent is not valid JSON");
        }
        List<Polygon> polygons = new ArrayList<>();
        read(root, polygons);
        if (polygons.isEmpty()) {
            throw new Invalid("the GeoJSON holds no polygon");
        }
        return polygons;
    }

    private static void read(JsonNode node, List<Polygon> into) throws Invalid {
        String type = typeOf(node);
        if (type == null) {
            throw new Invalid("not GeoJSON: an object with a \"type\" is expected");
        }
        switch (type) {
            case "Polygon", "MultiPolygon" -> geometry(node, into);
            case "Feature" -> feature(node, into);
            case "FeatureCollection" -> {
                JsonNode features = node.get("features");
                if (features == null || !features.isArray()) {
                    throw new Invalid("a FeatureCollection needs a features array");
                }
                for (JsonNode feature : features) {
                    if (!"Feature".equals(typeOf(feature))) {
                        throw new Invalid("a FeatureCollection holds Features only");
                    }
                    feature(feature, into);
                }
            }
            default -> throw new Invalid("a GeoJSON " + type + " is not an area: give a Polygon or MultiPolygon"
                    + " (or a Feature or FeatureCollection of them)");
        }
    }

    private static void feature(JsonNode feature, List<Polygon> into) throws Invalid {
        JsonNode geometry = feature.get("geometry");
        String type = typeOf(geometry);
        if (!"Polygon".equals(type) && !"MultiPolygon".equals(type)) {
            throw new Invalid("a Feature's geometry must be a Polygon or MultiPolygon");
        }
        geometry(geometry, into);
    }

    private static void geometry(JsonNode geometry, List<Polygon> into) throws Invalid {
        JsonNode coordinates = geometry.get("coordinates");
        if ("Polygon".equals(typeOf(geometry))) {
            into.add(polygon(coordinates, "coordinates"));
            return;
        }
        if (coordinates == null || !coordinates.isArray()) {
            throw new Invalid("a MultiPolygon's coordinates must be an array of polygons");
        }
        for (int i = 0; i < coordinates.size(); i++) {
            into.add(polygon(coordinates.get(i), "coordinates[" + i + "]"));
        }
    }

    private static String typeOf(JsonNode node) {
        return node == null || !node.isObject() || !node.path("type").isTextual() ? null : node.get("type").asText();
    }

    private static Polygon polygon(JsonNode rings, String path) throws Invalid {
        if (rings == null || !rings.isArray() || rings.isEmpty()) {
            throw new Invalid(path + ": a polygon is an array of rings, the outer ring first");
        }
        List<Position> outer = ring(rings.get(0), path + "[0]");
        List<List<Position>> holes = new ArrayList<>();
        for (int i = 1; i < rings.size(); i++) {
            holes.add(ring(rings.get(i), path + "[" + i + "]"));
        }
        return new Polygon(outer, List.copyOf(holes));
    }

    private static List<Position> ring(JsonNode ring, String path) throws Invalid {
        if (ring == null || !ring.isArray() || ring.size() < 4) {
            throw new Invalid(path + ": a ring has at least four positions");
        }
        List<Position> positions = new ArrayList<>();
        for (int i = 0; i < ring.size(); i++) {
            positions.add(position(ring.get(i), path + "[" + i + "]"));
        }
        if (!positions.get(0).equals(positions.get(positions.size() - 1))) {
            throw new Invalid(path + ": a ring must end at the position it starts from");
        }
        return List.copyOf(positions.subList(0, positions.size() - 1));
    }

    private static Position position(JsonNode p, String path) throws Invalid {
        if (p == null || !p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
            throw new Invalid(path + ": a position is [longitude, latitude]");
        }
        double longitude = p.get(0).asDouble();
        double latitude = p.get(1).asDouble();
        if (!(Math.abs(longitude) <= 180) || !(Math.abs(latitude) <= 90)) {
            throw new Invalid(path + ": longitude must be within ±180 and latitude within ±90 degrees");
        }
        return new Position(longitude, latitude);
    }

    /** A ring as PostgreSQL's {@code polygon} text: {@code ((lon,lat),...)}, longitude as x. */
    public static String pgPolygon(List<Position> ring) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < ring.size(); i++) {
            Position p = ring.get(i);
            sb.append(i == 0 ? "" : ",").append('(').append(number(p.longitude())).append(',').append(number(p.latitude())).append(')');
        }
        return sb.append(')').toString();
    }

    /** Holes as a PostgreSQL {@code polygon[]} literal. */
    public static String pgPolygons(List<List<Position>> rings) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < rings.size(); i++) {
            sb.append(i == 0 ? "" : ",").append('"').append(pgPolygon(rings.get(i))).append('"');
        }
        return sb.append('}').toString();
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.7f", v);
    }
}
