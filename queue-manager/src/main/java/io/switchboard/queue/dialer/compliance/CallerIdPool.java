package io.switchboard.queue.dialer.compliance;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import io.switchboard.core.call.PhoneNumber;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Local presence: the caller id a campaign presents to one callee, from its pool ({@code campaign_caller_ids}).
 * In order of preference: a number with the callee's area code (in the NANP the three-digit NPA; elsewhere the
 * geographic area code libphonenumber finds, none for mobiles), else a number of the callee's country, else the
 * pool's first; empty when the pool is (the trunk's caller id is used). When several numbers fit equally, the
 * callee's own number picks one of them, so the same callee always sees the same caller id (they recognise a
 * call back) and the campaign's calls spread over the pool.
 */
public final class CallerIdPool {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final int NANP = 1;
    private static final int NPA_DIGITS = 3;

    private final List<PhoneNumber> pool;

    public CallerIdPool(List<PhoneNumber> pool) {
        this.pool = List.copyOf(pool);
    }

    /** The caller id to present when calling {@code callee}. */
    public Optional<PhoneNumber> forCallee(PhoneNumber callee) {
        if (pool.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> area = areaOf(callee);
        int country = callee.countryCode();
        Optional<PhoneNumber> local = area.flatMap(code -> pick(callee,
                n -> n.countryCode() == country && areaOf(n).filter(code::equals).isPresent()));
        return local.or(() -> pick(callee, n -> n.countryCode() == country)).or(() -> Optional.of(pool.get(0)));
    }

    /**
     * The area code of {@code number} with its country code ({@code 1-212}, {@code 44-20}); empty when it has none
     * (mobiles and non-geographic numbers outside the NANP).
     */
    static Optional<String> areaOf(PhoneNumber number) {
        Phonenumber.PhoneNumber parsed = parse(number);
        String national = UTIL.getNationalSignificantNumber(parsed);
        int length = parsed.getCountryCode() == NANP ? NPA_DIGITS : UTIL.getLengthOfGeographicalAreaCode(parsed);
        return length > 0 && length < national.length()
                ? Optional.of(parsed.getCountryCode() + "-" + national.substring(0, length)) : Optional.empty();
    }

    private Optional<PhoneNumber> pick(PhoneNumber callee, Predicate<PhoneNumber> fits) {
        List<PhoneNumber> candidates = pool.stream().filter(fits).toList();
        return candidates.isEmpty() ? Optional.empty()
                : Optional.of(candidates.get(Math.floorMod(callee.e164().hashCode(), candidates.size())));
    }

    private static Phonenumber.PhoneNumber parse(PhoneNumber number) {
        try {
            return UTIL.parse(number.e164(), "ZZ");
        } catch (NumberParseException e) {
            throw new IllegalStateException("an E.164 number did not parse: " + number, e);
        }
    }
}
