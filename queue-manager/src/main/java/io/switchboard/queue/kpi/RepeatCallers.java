package io.switchboard.queue.kpi;

import io.switchboard.core.call.PhoneNumber;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Who called within the repeat window, by salted SHA-256 digest only: a number is never kept in clear, and the
 * salt stops anyone who reads the digests from hashing every possible number to find them. Forgets a caller
 * once the window has passed, so memory follows the calls of the last {@code within}.
 */
final class RepeatCallers {

    private record Seen(String digest, Instant at) {
    }

    private final Duration within;
    private final byte[] salt;
    private final Map<String, Instant> lastCall = new HashMap<>();
    private final Deque<Seen> order = new ArrayDeque<>();

    RepeatCallers(Duration within, byte[] salt) {
        this.within = within;
        this.salt = salt.clone();
    }

    /** Notes a call from {@code caller} at {@code at}; true when the same number called within the window before. */
    boolean callFrom(PhoneNumber caller, Instant at) {
        forgetBefore(at.minus(within));
        String digest = digest(caller);
        Instant previous = lastCall.put(digest, at);
        order.addLast(new Seen(digest, at));
        return previous != null && !previous.isBefore(at.minus(within));
    }

    /** How many numbers are remembered now. */
    int remembered() {
        return lastCall.size();
    }

    private void forgetBefore(Instant oldest) {
        while (!order.isEmpty() && order.peekFirst().at().isBefore(oldest)) {
            Seen gone = order.removeFirst();
            lastCall.remove(gone.digest(), gone.at());
        }
    }

    private String digest(PhoneNumber caller) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            return HexFormat.of().formatHex(sha.digest(caller.e164().getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
