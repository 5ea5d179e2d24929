package io.switchboard.core.call;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber;
import io.switchboard.core.Require;

/**
 * A public telephone number in E.164 form ({@code +442079460018}), normalised
 * by libphonenumber. Build one with {@link #parse(String, String, String)}.
 *
 * <p>{@link #toString()} is masked ({@code +4420******18}) so that a number
 * never reaches a log in full; call {@link #e164()} where the full number is
 * needed (dialling, CRM lookup).
 *
 * <p>Numbers must be <em>possible</em> (right length for their country);
 * whether a range is actually allocated is not checked, because allocations
 * change more often than this library is upgraded.
 *
 * @param e164 the number in E.164 form
 */
public record PhoneNumber(String e164) {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final String UNKNOWN_REGION = "ZZ";

    public PhoneNumber {
        Require.nonBlank(e164, "e164");
        Phonenumber.PhoneNumber parsed = parseOrThrow(e164, UNKNOWN_REGION, "e164");
        String normalised = UTIL.format(parsed, PhoneNumberFormat.E164);
        if (!normalised.equals(e164)) {
            throw new IllegalArgumentException("e164 must be in E.164 form, e.g. " + mask(normalised));
        }
    }

    /**
     * Parses {@code input} as written by a person or a PBX ({@code 020 7946 0018},
     * {@code +1 (415) 555-0100}, {@code 00442079460018}).
     *
     * @param input         the number as received
     * @param defaultRegion the ISO 3166 region for numbers without a country code, e.g. {@code GB};
     *                      {@code ZZ} accepts only numbers with a {@code +} prefix
     * @param field         the name of the field being parsed, used in the error message
     * @throws IllegalArgumentException naming {@code field} when libphonenumber cannot
     *                                  parse the input or the number is impossible
     */
    public static PhoneNumber parse(String input, String defaultRegion, String field) {
        Require.nonBlank(field, "field");
        Require.nonBlank(input, field);
        Require.nonBlank(defaultRegion, "defaultRegion");
        if (!UNKNOWN_REGION.equals(defaultRegion) && !UTIL.getSupportedRegions().contains(defaultRegion)) {
            throw new IllegalArgumentException("defaultRegion '" + defaultRegion + "' is not a supported region");
        }
        return new PhoneNumber(UTIL.format(parseOrThrow(input, defaultRegion, field), PhoneNumberFormat.E164));
    }

    /** Parses a number that must carry its country code ({@code +...}). */
    public static PhoneNumber parse(String input, String field) {
        return parse(input, UNKNOWN_REGION, field);
    }

    /** The country calling code, e.g. 44 for the UK. */
    public int countryCode() {
        return parseOrThrow(e164, UNKNOWN_REGION, "e164").getCountryCode();
    }

    /**
     * A log-safe form: the country code, the first two and the last two digits
     * of the national number, the rest starred ({@code +4420******18}). Short
     * numbers show fewer digits.
     */
    public String masked() {
        return mask(e164);
    }

    /** The {@linkplain #masked() masked} form; never the full number. */
    @Override
    public String toString() {
        return masked();
    }

    private static Phonenumber.PhoneNumber parseOrThrow(String input, String region, String field) {
        Phonenumber.PhoneNumber parsed;
        try {
            parsed = UTIL.parse(input, region);
        } catch (NumberParseException e) {
            throw new IllegalArgumentException(
                    field + " is not a phone number libphonenumber can parse (" + e.getErrorType() + ")", e);
        }
        if (!UTIL.isPossibleNumber(parsed)) {
            throw new IllegalArgumentException(
                    field + " is not a possible phone number (" + UTIL.isPossibleNumberWithReason(parsed) + ")");
        }
        return parsed;
    }

    private static String mask(String e164) {
        Phonenumber.PhoneNumber parsed = parseOrThrow(e164, UNKNOWN_REGION, "e164");
        String countryCode = String.valueOf(parsed.getCountryCode());
        String national = e164.substring(1 + countryCode.length());
        int shown = Math.min(2, national.length() / 4);
        return "+" + countryCode
                + national.substring(0, shown)
                + "*".repeat(national.length() - 2 * shown)
                + national.substring(national.length() - shown);
    }
}
