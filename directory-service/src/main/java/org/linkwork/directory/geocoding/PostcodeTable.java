package org.linkwork.directory.geocoding;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An offline postcode table, read from a CSV file in the layout of the ONS Postcode Directory
 * (a header naming {@code pcds}/{@code pcd}/{@code pcd2}/{@code postcode} and {@code lat}/{@code long})
 * or of Code-Point Open (no header; postcode, quality, eastings, northings on the National Grid).
 * A whole-country file has 2.7 million rows, so the table is held as three primitive arrays sorted by
 * an encoded postcode (16 bytes a postcode) and searched by bisection.
 */
public final class PostcodeTable implements PostcodeSource {

    private final long[] keys;
    private final float[] latitudes;
    private final float[] longitudes;
    private final String name;

    private PostcodeTable(long[] keys, float[] latitudes, float[] longitudes, String name) {
        this.keys = keys;
        this.latitudes = latitudes;
        this.longitudes = longitudes;
        this.name = name;
    }

    @Override
    public Optional<Position> locate(String postcode) {
        long key = encode(postcode);
        if (key < 0) {
            return Optional.empty();
        }
        int i = Arrays.binarySearch(keys, key);
        return i < 0 ? Optional.empty() : Optional.of(new Position(latitudes[i], longitudes[i]));
    }

    @Override
    public String name() {
        return name;
    }

    public int size() {
        return keys.length;
    }

    public static PostcodeTable read(Reader source, String name) throws IOException {
        BufferedReader in = source instanceof BufferedReader b ? b : new BufferedReader(source, 1 << 16);
        String first = in.readLine();
        if (first == null) {
            return new PostcodeTable(new long[0], new float[0], new float[0], name);
        }
        Layout layout = Layout.of(split(first, Integer.MAX_VALUE));
        Builder builder = new Builder();
        if (!layout.hasHeader) {
            builder.add(first, layout);
        }
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            builder.add(line, layout);
        }
        return builder.build(name);
    }

    /** Which columns hold what; Code-Point Open files carry no header. */
    private record Layout(boolean hasHeader, int postcode, int latitude, int longitude, int easting, int northing, int width) {

        static Layout of(List<String> first) {
            List<String> names = first.stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).toList();
            int postcode = firstOf(names, "pcds", "pcd", "pcd2", "postcode", "postcode_");
            if (postcode < 0) {
                return new Layout(false, 0, -1, -1, 2, 3, 4); // Code-Point Open
            }
            int lat = firstOf(names, "lat", "latitude");
            int lon = firstOf(names, "long", "longitude", "lon", "lng");
            int east = firstOf(names, "eastings", "easting", "oseast1m");
            int north = firstOf(names, "northings", "northing", "osnrth1m");
            if ((lat < 0 || lon < 0) && (east < 0 || north < 0)) {
                throw new IllegalArgumentException("the postcode file's header names neither lat/long nor eastings/northings columns");
            }
            int width = Math.max(postcode, Math.max(Math.max(lat, lon), Math.max(east, north))) + 1;
            return new Layout(true, postcode, lat, lon, east, north, width);
        }

        private static int firstOf(List<String> names, String... wanted) {
            for (String w : wanted) {
                int i = names.indexOf(w);
                if (i >= 0) {
                    return i;
                }
            }
            return -1;
        }
    }

    private static final class Builder {
        long[] keys = new long[1 << 16];
        float[] lat = new float[1 << 16];
        float[] lon = new float[1 << 16];
        int n;

        void add(String line, Layout layout) {
            if (line.isBlank()) {
                return;
            }
            List<String> f = split(line, layout.width);
            if (f.size() <= layout.postcode) {
                return;
            }
            long key = encode(f.get(layout.postcode));
            if (key < 0) {
                return;
            }
            double latitude;
            double longitude;
            try {
                if (layout.latitude >= 0 && layout.longitude >= 0 && f.size() > Math.max(layout.latitude, layout.longitude)
                        && !f.get(layout.latitude).isBlank()) {
                    latitude = Double.parseDouble(f.get(layout.latitude));
                    longitude = Double.parseDouble(f.get(layout.longitude));
                } else if (layout.easting >= 0 && f.size() > Math.max(layout.easting, layout.northing)
                        && !f.get(layout.easting).isBlank()) {
                    double e = Double.parseDouble(f.get(layout.easting));
                    double nn = Double.parseDouble(f.get(layout.northing));
                    if (e <= 0 && nn <= 0) {
                        return; // no grid reference
                    }
                    Position p = NationalGrid.toWgs84(e, nn);
                    latitude = p.latitude();
                    longitude = p.longitude();
                } else {
                    return;
                }
            } catch (NumberFormatException e) {
                return;
            }
            if (latitude > 90 || latitude < -90) {
                return; // the ONSPD marks postcodes without a position with latitude 99.999999
            }
            if (n == keys.length) {
                keys = Arrays.copyOf(keys, n * 2);
                lat = Arrays.copyOf(lat, n * 2);
                lon = Arrays.copyOf(lon, n * 2);
            }
            keys[n] = key;
            lat[n] = (float) latitude;
            lon[n] = (float) longitude;
            n++;
        }

        PostcodeTable build(String name) {
            // sort by key carrying each row's index in the low bits (keys use 38 bits, indexes up to 25)
            long[] packed = new long[n];
            for (int i = 0; i < n; i++) {
                packed[i] = (keys[i] << 25) | i;
            }
            Arrays.parallelSort(packed);
            long[] sortedKeys = new long[n];
            float[] sortedLat = new float[n];
            float[] sortedLon = new float[n];
            int m = 0;
            for (long p : packed) {
                long key = p >>> 25;
                int i = (int) (p & ((1 << 25) - 1));
                if (m > 0 && sortedKeys[m - 1] == key) {
                    continue; // a repeated postcode: the first row wins
                }
                sortedKeys[m] = key;
                sortedLat[m] = lat[i];
                sortedLon[m] = lon[i];
                m++;
            }
            return new PostcodeTable(Arrays.copyOf(sortedKeys, m), Arrays.copyOf(sortedLat, m), Arrays.copyOf(sortedLon, m), name);
        }
    }

    /** A postcode as a number: up to 7 characters (spaces dropped), base 37; -1 when it cannot be one. */
    static long encode(String postcode) {
        long key = 0;
        int len = 0;
        for (int i = 0; i < postcode.length(); i++) {
            char c = postcode.charAt(i);
            int v;
            if (c >= '0' && c <= '9') {
                v = 1 + c - '0';
            } else if (c >= 'A' && c <= 'Z') {
                v = 11 + c - 'A';
            } else if (c >= 'a' && c <= 'z') {
                v = 11 + c - 'a';
            } else if (c == ' ' || c == '"') {
                continue;
            } else {
                return -1;
            }
            if (++len > 7) {
                return -1;
            }
            key = key * 37 + v;
        }
        if (len < 5) {
            return -1;
        }
        for (; len < 7; len++) {
            key *= 37;
        }
        return key;
    }

    /** Splits a CSV line into at most {@code limit} fields; quotes may wrap a field, doubled quotes escape one. */
    static List<String> split(String line, int limit) {
        List<String> fields = new ArrayList<>(Math.min(limit, 64));
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        current.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    current.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(current.toString());
                if (fields.size() == limit) {
                    return fields;
                }
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        fields.add(current.toString());
        return fields;
    }
}
