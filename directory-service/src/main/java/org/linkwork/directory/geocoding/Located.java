package org.linkwork.directory.geocoding;

/** A postcode placed on the map, and which source placed it. */
public record Located(String postcode, Position position, String source) {
}
