package org.linkwork.console.services;

/** A service answered 403 or 404: the person may not see this, or it does not exist (the same to them). */
public class NotVisible extends RuntimeException {

    private final int status;

    public NotVisible(int status) {
        super("not visible: " + status, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
