package org.linkwork.directory.area;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class GeoJsonExtentTest {

    static final String SQUARE_WITH_HOLE = """
            {"type":"Polygon","coordinates":[[[0,0],[4,0],[4,4],[0,4],[0,0]],[[1,1],[2,1],[2,2],[1,2],[1,1]]]}""";

    @Test
    void aPolygonIsItsOuterRingAndItsHoles() throws Exception {
        List<GeoJsonExtent.Polygon> polygons = GeoJsonExtent.polygons(SQUARE_WITH_HOLE);
        assertThat(polygons).singleElement().satisfies(p -> {
            assertThat(p.outer()).hasSize(4).first().isEqualTo(new GeoJsonExtent.Position(0, 0));
            assertThat(p.holes()).singleElement().satisfies(h -> assertThat(h).hasSize(4));
        });
        assertThat(GeoJsonExtent.pgPolygon(polygons.get(0).outer()))
                .isEqualTo("((0.0000000,0.0000000),(4.0000000,0.0000000),(4.0000000,4.0000000),(0.0000000,4.0000000))");
        assertThat(GeoJsonExtent.pgPolygons(polygons.get(0).holes())).startsWith("{\"((1.0000000,1.0000000),").endsWith(")\"}");
        assertThat(GeoJsonExtent.pgPolygons(List.of())).isEqualTo("{}");
    }

    @Test
    void multiPolygonsFeaturesAndCollectionsGiveEveryPolygon() throws Exception {
        String square = "[[[10,10],[11,10],[11,11],[10,10]]]";
        assertThat(GeoJsonExtent.polygons("{\"type\":\"MultiPolygon\",\"coordinates\":[" + square + "," + square + "]}")).hasSize(2);
        String feature = "{\"type\":\"Feature\",\"properties\":{\"name\":\"Ward\"},\"geometry\":" + SQUARE_WITH_HOLE + "}";
        assertThat(GeoJsonExtent.polygons(feature)).hasSize(1);
        assertThat(GeoJsonExtent.polygons("{\"type\":\"FeatureCollection\",\"features\":[" + feature + "," + feature + "]}")).hasSize(2);
    }

    @Test
    void whatIsNotAnAreaIsRefusedWithAReason() {
        assertRefused("Leeds and surrounding area", "not valid JSON");
        assertRefused("", "needs a GeoJSON");
        assertRefused("[1,2]", "an object with a \"type\"");
        assertRefused("{\"type\":\"Point\",\"coordinates\":[1,2]}", "Point is not an area");
        assertRefused("{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,1]]]}", "must end at the position it starts from");
        assertRefused("{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[0,0]]]}", "at least four positions");
        assertRefused("{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,\"north\"],[0,0]]]}", "[longitude, latitude]");
        assertRefused("{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,95],[1,1],[0,0]]]}", "within ±90");
        assertRefused("{\"type\":\"Polygon\",\"coordinates\":[]}", "an array of rings");
        assertRefused("{\"type\":\"MultiPolygon\",\"coordinates\":[]}", "holds no polygon");
        assertRefused("{\"type\":\"Feature\",\"geometry\":null}", "geometry must be a Polygon or MultiPolygon");
        assertRefused("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Polygon\"}]}", "Features only");
    }

    private static void assertRefused(String extent, String reason) {
        assertThatThrownBy(() -> GeoJsonExtent.polygons(extent)).isInstanceOf(GeoJsonExtent.Invalid.class).hasMessageContaining(reason);
    }
}
