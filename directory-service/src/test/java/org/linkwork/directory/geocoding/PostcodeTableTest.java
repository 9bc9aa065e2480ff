package org.linkwork.directory.geocoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PostcodeTableTest {

    @Test
    void readsTheOnsPostcodeDirectoryLayout() throws IOException {
        String onspd = """
                "pcd","pcd2","pcds","dointr","doterm","lat","long"
                "LS6 2AA","LS6  2AA","LS6 2AA","198001","",53.819,-1.565
                "AB101AA","AB10 1AA","AB10 1AA","198001","",57.101474,-2.242851
                "ZZ1 1ZZ","ZZ1  1ZZ","ZZ1 1ZZ","198001","",99.999999,0.000000
                """;
        PostcodeTable table = PostcodeTable.read(new StringReader(onspd), "onspd");
        assertThat(table.size()).isEqualTo(2);
        assertThat(table.locate("LS6 2AA")).hasValueSatisfying(p -> {
            assertThat(p.latitude()).isCloseTo(53.819, within(1e-5));
            assertThat(p.longitude()).isCloseTo(-1.565, within(1e-5));
        });
        assertThat(table.locate("AB10 1AA")).isPresent();
        assertThat(table.locate("AB1 01AA")).as("the same characters split elsewhere are the same postcode")
                .isEqualTo(table.locate("AB10 1AA"));
        assertThat(table.locate("ZZ1 1ZZ")).as("no position in the ONSPD").isEmpty();
        assertThat(table.locate("LS6 2AB")).isEmpty();
    }

    @Test
    void readsCodePointOpenAndConvertsTheNationalGrid() throws IOException {
        // Ordnance Survey's worked example point (E 651409.903, N 313177.270) is 52°39'27"N 1°43'4.5"E on OSGB36
        String codePoint = "\"NR1 1AA\",10,651410,313177,\"E92000001\",\"E19000001\",\"E18000001\",\"\",\"E07000148\",\"E05005753\"\n";
        PostcodeTable table = PostcodeTable.read(new StringReader(codePoint), "code-point");
        Position p = table.locate("NR1 1AA").orElseThrow();
        // WGS84 lies about 100 m from OSGB36 here; the check allows for both within 200 m
        assertThat(p.metresTo(new Position(52.65757, 1.71792))).isLessThan(200);
        assertThat(p.latitude()).isCloseTo(52.658, within(0.002));
    }

    @Test
    void aLargeTableLoadsFast() throws IOException {
        StringBuilder csv = new StringBuilder("pcds,lat,long\n");
        int rows = 500_000;
        for (int i = 0; i < rows; i++) {
            csv.append("B").append(i % 99 + 1).append(' ').append(i % 10).append((char) ('A' + (i / 10) % 26))
                    .append((char) ('A' + (i / 260) % 26)).append(',').append(52 + (i % 1000) / 1000.0).append(",-1.9\n");
        }
        long started = System.nanoTime();
        PostcodeTable table = PostcodeTable.read(new StringReader(csv.toString()), "large");
        long ms = (System.nanoTime() - started) / 1_000_000;
        assertThat(table.size()).isGreaterThan(100_000);
        assertThat(table.locate("B1 0AA")).isPresent();
        assertThat(ms).as("milliseconds to load %d rows", rows).isLessThan(10_000);
    }

    @Test
    void thePostcodeApiIsAskedOnceAndAFailureMeansUnknown() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        HttpServer api = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        api.createContext("/postcodes/", exchange -> {
            calls.incrementAndGet();
            String postcode = java.net.URLDecoder.decode(exchange.getRequestURI().getRawPath().substring("/postcodes/".length()),
                    StandardCharsets.UTF_8);
            boolean known = postcode.equals("LS1 4AP");
            byte[] body = (known ? "{\"status\":200,\"result\":{\"postcode\":\"LS1 4AP\",\"latitude\":53.7996,\"longitude\":-1.5499}}"
                    : "{\"status\":404,\"error\":\"Postcode not found\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(known ? 200 : 404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        api.start();
        try {
            PostcodesIo io = new PostcodesIo("http://127.0.0.1:" + api.getAddress().getPort(), Duration.ofSeconds(2));
            assertThat(io.locate("LS1 4AP")).hasValue(new Position(53.7996, -1.5499));
            assertThat(io.locate("LS1 4AP")).isPresent();
            assertThat(io.locate("LS1 9ZZ")).isEmpty();
            assertThat(calls.get()).isEqualTo(2);
        } finally {
            api.stop(0);
        }
        PostcodesIo down = new PostcodesIo("http://127.0.0.1:1", Duration.ofMillis(500));
        assertThat(down.locate("LS1 4AP")).isEmpty();
    }
}
