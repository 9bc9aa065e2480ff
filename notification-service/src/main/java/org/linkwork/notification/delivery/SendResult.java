package org.linkwork.notification.delivery;

/**
 * What a channel said about one try.
 *
 * @param errorCode a short code (http-503, timeout, unreachable, smtp-error), never a provider's own text
 * @param permanent true when trying again cannot help (a bad number, a rejected request)
 */
public record SendResult(boolean sent, String errorCode, boolean permanent) {

    public static SendResult ok() {
        return new SendResult(true, null, false);
    }

    public static SendResult retry(String code) {
        return new SendResult(false, code, false);
    }

    public static SendResult giveUp(String code) {
        return new SendResult(false, code, true);
    }
}
