package org.linkwork.console.services;

/** A service did not answer, timed out or failed (5xx): its part of the page is shown as unavailable. */
public class Unavailable extends RuntimeException {

    private final Service service;

    public Unavailable(Service service, String why) {
        super(service.name().toLowerCase() + " unavailable: " + why, null, false, false);
        this.service = service;
    }

    public Service service() {
        return service;
    }
}
