package io.switchboard.sim.asterisk;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Asterisk's challenge-response login: {@code Action: Challenge} (AuthType MD5) answers a random
 * number, and {@code Login} with {@code AuthType: MD5} sends {@code Key: md5(challenge + secret)}.
 * Asterisk-Java always logs in this way; the recorded transcripts used a plaintext Secret.
 */
final class Md5Challenge {

    private Md5Challenge() {
    }

    /** A fresh challenge, nine digits as Asterisk sends it. */
    static String next() {
        return Integer.toString(ThreadLocalRandom.current().nextInt(100_000_000, 1_000_000_000));
    }

    /** Whether {@code key} is the MD5 of the challenge followed by the secret, in hex. */
    static boolean accepts(String challenge, String secret, String key) {
        if (challenge == null || secret == null || key == null) {
            return false;
        }
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest((challenge + secret).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).equalsIgnoreCase(key.trim());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no MD5", e);
        }
    }
}
