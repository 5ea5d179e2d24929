package io.switchboard.esl.connection;

/** FreeSWITCH answered {@code auth} with anything but {@code +OK} (Quirk 8: {@code -ERR invalid}, then it closes). */
final class AuthRefusedException extends Exception {

    AuthRefusedException(String replyText) {
        super(replyText, null, false, false);
    }
}
