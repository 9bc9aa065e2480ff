package org.linkwork.console.services;

/** A service refused the person's token (401): the session is over, they must sign in again. */
public class SignInAgain extends RuntimeException {

    public SignInAgain() {
        super("the service refused the session's token", null, false, false);
    }
}
