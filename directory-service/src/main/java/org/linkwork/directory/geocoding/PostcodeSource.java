package org.linkwork.directory.geocoding;

import java.util.Optional;

/** One way of turning a postcode into a position. */
public interface PostcodeSource {

    /** @param postcode a full UK postcode in canonical form ("LS6 2AA") */
    Optional<Position> locate(String postcode);

    /** Named in search reasons and logs: where the position came from. */
    String name();
}
