package org.linkwork.referral.intake;

/** Patterns for the contact and demographic fields every way in shares. */
final class Contact {

    static final String PHONE = "^\\+?[0-9 ]{7,20}$";
    static final String SEX = "^(female|male|other|not-stated)$";
    static final String ETHNICITY = "^(asian|black|mixed|white|other|not-stated)$";
    static final String CHANNEL = "^(email|sms|letter|none)$";
    static final String LANGUAGE = "^[a-z]{2,3}$";

    private Contact() {
    }
}
