package org.linkwork.directory.hsds;

/** Shared rules of the HSDS shapes: what an id, a URL, a day list and a time look like. */
public final class Hsds {

    /** Ids are UUIDs in ORUK; the directory accepts any id of these characters so existing feeds import unchanged. */
    public static final String ID = "^[A-Za-z0-9._:-]+$";
    public static final String ID_MESSAGE = "letters, digits, '-', '_', '.' and ':' only";
    public static final String URL = "^https?://\\S+$";
    public static final String URL_MESSAGE = "an http or https URL";
    /** iCalendar BYDAY: TU,TH for weekly; an occurrence may prefix a day for monthly (2MO, -1FR). */
    public static final String BYDAY = "(?i)^[+-]?[1-5]?(MO|TU|WE|TH|FR|SA|SU)(,[+-]?[1-5]?(MO|TU|WE|TH|FR|SA|SU))*$";
    /** HH:MM, optionally with seconds and a zone suffix as HSDS allows; the directory reads it as UK local time. */
    public static final String TIME = "^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?(Z|[+-][0-9]{2}:?[0-9]{2})?$";

    private Hsds() {
    }
}
