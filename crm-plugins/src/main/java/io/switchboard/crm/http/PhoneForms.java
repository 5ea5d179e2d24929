package io.switchboard.crm.http;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.switchboard.core.call.PhoneNumber;

import java.util.List;

/**
 * The forms a CRM may hold a number in. CRMs store numbers as the user typed them, so a lookup asks for
 * both the E.164 form ({@code +442079460018}) and the national digits ({@code 02079460018}).
 */
public final class PhoneForms {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneForms() {
    }

    /** The E.164 form, then the national digits when they differ. */
    public static List<String> of(PhoneNumber number) {
        String national = nationalDigits(number);
        return national.equals(number.e164()) ? List.of(number.e164()) : List.of(number.e164(), national);
    }

    /**
     * The national significant number: no country code and no trunk prefix ({@code 2079460018}), the form
     * HubSpot's calculated searchable phone properties hold.
     */
    public static String nationalSignificant(PhoneNumber number) {
        try {
            return UTIL.getNationalSignificantNumber(UTIL.parse(number.e164(), "ZZ"));
        } catch (NumberParseException impossible) {
            return number.e164();
        }
    }

    /** The national form without spaces or punctuation, e.g. {@code 02079460018} or {@code 4155550100}. */
    public static String nationalDigits(PhoneNumber number) {
        try {
            String formatted = UTIL.format(UTIL.parse(number.e164(), "ZZ"), PhoneNumberUtil.PhoneNumberFormat.NATIONAL);
            return formatted.replaceAll("[^0-9]", "");
        } catch (NumberParseException impossible) {
            return number.e164();
        }
    }
}
