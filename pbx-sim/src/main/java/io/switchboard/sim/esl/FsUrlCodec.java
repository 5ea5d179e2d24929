package io.switchboard.sim.esl;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * FreeSWITCH's URL encoding of plain event header values ({@code switch_url_encode}): bytes
 * outside printable ASCII and the characters of {@code SWITCH_URL_UNSAFE} become {@code %XX}
 * (upper-case hex); everything else, such as {@code ,} and {@code /}, stays literal. Decoding is
 * URL decoding, not form decoding: {@code +} stays {@code +}.
 */
final class FsUrlCodec {

    private static final String UNSAFE = "\r\n #%&+:;<=>?@[\\]^`{|}\"";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private FsUrlCodec() {
    }

    static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < ' ' || c > '~' || UNSAFE.indexOf(c) >= 0) {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            } else {
                out.append((char) c);
            }
        }
        return out.toString();
    }

    /** Decodes {@code %XX}; a {@code %} not followed by two hex digits is kept literally. */
    static String decode(String value) {
        if (value.indexOf('%') < 0) {
            return value;
        }
        byte[] in = value.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < in.length; i++) {
            int hi = i + 2 < in.length && in[i] == '%' ? Character.digit(in[i + 1], 16) : -1;
            int lo = hi >= 0 ? Character.digit(in[i + 2], 16) : -1;
            if (lo >= 0) {
                out.write(hi * 16 + lo);
                i += 2;
            } else {
                out.write(in[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
