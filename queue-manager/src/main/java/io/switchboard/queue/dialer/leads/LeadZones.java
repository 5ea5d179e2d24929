package io.switchboard.queue.dialer.leads;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import io.switchboard.core.call.PhoneNumber;
import io.switchboard.queue.dialer.ZoneSource;

import java.time.ZoneId;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Settles a lead's time zone, most trusted first:
 * <ol>
 *   <li>its own {@code time_zone} column (an IANA id), {@link ZoneSource#LEAD};</li>
 *   <li>its state or province ({@link RegionZones}), {@link ZoneSource#REGION}; a region spanning zones is
 *       narrowed by the number's zones, and a lead whose region and number still leave more than one zone
 *       gets none ({@code time-zone-ambiguous}): the callee's address outranks the area code, since numbers
 *       move with their owners;</li>
 *   <li>its number, through libphonenumber's {@link PhoneNumberToTimeZonesMapper} (area code for NANP
 *       numbers, country for most others), {@link ZoneSource#NUMBER}; a number mapping to several zones
 *       (a US toll-free number, a Russian mobile) gets none ({@code time-zone-ambiguous}).</li>
 * </ol>
 * A lead with no zone is still imported: the compliance gate never dials it ({@code no-time-zone}) until an
 * operator gives it one.
 */
public final class LeadZones {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final PhoneNumberToTimeZonesMapper MAPPER = PhoneNumberToTimeZonesMapper.getInstance();
    private static final String UNKNOWN = PhoneNumberToTimeZonesMapper.getUnknownTimeZone();
    private static final int NANP = 1;
    /** {@link ZoneId#getAvailableZoneIds()} copies the set on every call: once per row was most of an import's time. */
    private static final Set<String> ZONE_IDS = Set.copyOf(ZoneId.getAvailableZoneIds());

    private LeadZones() {}

    /** Whether {@code value} is an IANA time-zone id the JVM knows ({@code Europe/London}); offsets are not. */
    public static boolean isZoneId(String value) {
        return ZONE_IDS.contains(value);
    }

    /**
     * The zone of a lead with a valid (or blank) {@code time_zone}.
     *
     * @param timeZone the lead's {@code time_zone} column, blank when absent; must pass {@link #isZoneId}
     * @param region   its state or province, blank when absent
     * @param number   its number
     */
    public static LeadZone resolve(String timeZone, String region, PhoneNumber number) {
        return resolve(timeZone, region, parsed(number));
    }

    /** {@link #resolve(String, String, PhoneNumber)} for a number already parsed (saves a parse per row). */
    static LeadZone resolve(String timeZone, String region, Phonenumber.PhoneNumber parsed) {
        if (!timeZone.isBlank()) {
            return LeadZone.of(ZoneId.of(timeZone.trim()), ZoneSource.LEAD);
        }
        Set<ZoneId> numberZones = numberZones(parsed);
        if (!region.isBlank()) {
            Optional<Set<ZoneId>> regionZones = RegionZones.zones(region, regionOf(parsed));
            if (regionZones.isPresent()) {
                return fromRegion(regionZones.get(), numberZones);
            }
            if (parsed.getCountryCode() == NANP) {
                return fromNumber(numberZones).warn("region-unknown");
            }
        }
        return fromNumber(numberZones);
    }

    private static LeadZone fromRegion(Set<ZoneId> regionZones, Set<ZoneId> numberZones) {
        if (regionZones.size() == 1) {
            return LeadZone.of(regionZones.iterator().next(), ZoneSource.REGION);
        }
        Set<ZoneId> both = new HashSet<>(regionZones);
        both.retainAll(numberZones);
        if (both.size() == 1) {
            return LeadZone.of(both.iterator().next(), ZoneSource.REGION);
        }
        return LeadZone.none("time-zone-ambiguous");
    }

    private static LeadZone fromNumber(Set<ZoneId> numberZones) {
        if (numberZones.size() == 1) {
            return LeadZone.of(numberZones.iterator().next(), ZoneSource.NUMBER);
        }
        return LeadZone.none(numberZones.isEmpty() ? "time-zone-not-found" : "time-zone-ambiguous");
    }

    /** libphonenumber's zones for the number, without its "unknown" marker or ids this JVM lacks. */
    private static Set<ZoneId> numberZones(Phonenumber.PhoneNumber number) {
        Set<ZoneId> zones = new LinkedHashSet<>();
        for (String id : MAPPER.getTimeZonesForNumber(number)) {
            if (!UNKNOWN.equals(id) && isZoneId(id)) {
                zones.add(ZoneId.of(id));
            }
        }
        return zones;
    }

    private static String regionOf(Phonenumber.PhoneNumber number) {
        String region = UTIL.getRegionCodeForNumber(number);
        return region == null ? "ZZ" : region;
    }

    private static Phonenumber.PhoneNumber parsed(PhoneNumber number) {
        try {
            return UTIL.parse(number.e164(), "ZZ");
        } catch (NumberParseException e) {
            throw new IllegalStateException("a PhoneNumber is always parseable", e);
        }
    }
}
