package io.switchboard.queue.dialer.leads;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The time zones of each US state (with DC and the territories) and Canadian province or territory, by postal
 * code or English name. A region that spans zones (Texas: Central and, around El Paso, Mountain) has all of them;
 * {@link LeadZones} narrows such a set with the number's own zones, or leaves the lead without a zone.
 *
 * <p>Zones are the ones libphonenumber's time-zone mapper names (America/New_York rather than
 * America/Indiana/Indianapolis, which keeps the same clock today), so the two can be intersected. Small
 * exceptions are left out on purpose: Arizona's Navajo Nation (keeps DST), Kenton OK, Lloydminster SK.
 */
final class RegionZones {

    private static final Map<String, Set<ZoneId>> BY_KEY = new HashMap<>();

    static {
        String east = "America/New_York";
        String central = "America/Chicago";
        String mountain = "America/Denver";
        String pacific = "America/Los_Angeles";
        us("AL", "Alabama", central);
        us("AK", "Alaska", "America/Anchorage", "America/Adak");
        us("AZ", "Arizona", "America/Phoenix");
        us("AR", "Arkansas", central);
        us("CA", "California", pacific);
        us("CO", "Colorado", mountain);
        us("CT", "Connecticut", east);
        us("DE", "Delaware", east);
        us("DC", "District of Columbia", east);
        us("FL", "Florida", east, central);
        us("GA", "Georgia", east);
        us("HI", "Hawaii", "Pacific/Honolulu");
        us("ID", "Idaho", mountain, pacific);
        us("IL", "Illinois", central);
        us("IN", "Indiana", east, central);
        us("IA", "Iowa", central);
        us("KS", "Kansas", central, mountain);
        us("KY", "Kentucky", east, central);
        us("LA", "Louisiana", central);
        us("ME", "Maine", east);
        us("MD", "Maryland", east);
        us("MA", "Massachusetts", east);
        us("MI", "Michigan", east, central);
        us("MN", "Minnesota", central);
        us("MS", "Mississippi", central);
        us("MO", "Missouri", central);
        us("MT", "Montana", mountain);
        us("NE", "Nebraska", central, mountain);
        us("NV", "Nevada", pacific, mountain);
        us("NH", "New Hampshire", east);
        us("NJ", "New Jersey", east);
        us("NM", "New Mexico", mountain);
        us("NY", "New York", east);
        us("NC", "North Carolina", east);
        us("ND", "North Dakota", central, mountain);
        us("OH", "Ohio", east);
        us("OK", "Oklahoma", central);
        us("OR", "Oregon", pacific, mountain);
        us("PA", "Pennsylvania", east);
        us("RI", "Rhode Island", east);
        us("SC", "South Carolina", east);
        us("SD", "South Dakota", central, mountain);
        us("TN", "Tennessee", central, east);
        us("TX", "Texas", central, mountain);
        us("UT", "Utah", mountain);
        us("VT", "Vermont", east);
        us("VA", "Virginia", east);
        us("WA", "Washington", pacific);
        us("WV", "West Virginia", east);
        us("WI", "Wisconsin", central);
        us("WY", "Wyoming", mountain);
        us("PR", "Puerto Rico", "America/Puerto_Rico");
        us("VI", "U.S. Virgin Islands", "America/St_Thomas");
        us("GU", "Guam", "Pacific/Guam");
        us("AS", "American Samoa", "Pacific/Pago_Pago");
        us("MP", "Northern Mariana Islands", "Pacific/Saipan");
        ca("AB", "Alberta", "America/Edmonton");
        ca("BC", "British Columbia", "America/Vancouver", "America/Edmonton");
        ca("MB", "Manitoba", "America/Winnipeg");
        ca("NB", "New Brunswick", "America/Halifax");
        ca("NL", "Newfoundland and Labrador", "America/St_Johns", "America/Halifax");
        ca("NS", "Nova Scotia", "America/Halifax");
        ca("NT", "Northwest Territories", "America/Edmonton");
        ca("NU", "Nunavut", "America/Toronto", "America/Winnipeg", "America/Edmonton");
        ca("ON", "Ontario", "America/Toronto", "America/Winnipeg");
        ca("PE", "Prince Edward Island", "America/Halifax");
        ca("QC", "Quebec", "America/Toronto", "America/Halifax");
        ca("SK", "Saskatchewan", "America/Regina");
        ca("YT", "Yukon", "America/Whitehorse");
    }

    private RegionZones() {}

    /**
     * The zones of {@code region} (a code such as {@code TX} or a name such as {@code Texas}, any case) for a
     * number of {@code country} ({@code US} or {@code CA}; a code means the same in both only where no
     * province shares it), or empty when the region is not in the table.
     */
    static Optional<Set<ZoneId>> zones(String region, String country) {
        String key = region.trim().toUpperCase(Locale.ROOT);
        Set<ZoneId> zones = BY_KEY.get(country + ":" + key);
        if (zones == null) {
            zones = BY_KEY.get("US:" + key);
        }
        if (zones == null) {
            zones = BY_KEY.get("CA:" + key);
        }
        return Optional.ofNullable(zones);
    }

    /** Every region key of the table (for tests: each zone must be a valid IANA id). */
    static Map<String, Set<ZoneId>> table() {
        return Map.copyOf(BY_KEY);
    }

    private static void us(String code, String name, String... zones) {
        put("US", code, name, zones);
    }

    private static void ca(String code, String name, String... zones) {
        put("CA", code, name, zones);
    }

    private static void put(String country, String code, String name, String... zones) {
        Set<ZoneId> set = List.of(zones).stream().map(ZoneId::of).collect(Collectors.toUnmodifiableSet());
        BY_KEY.put(country + ":" + code, set);
        BY_KEY.put(country + ":" + name.toUpperCase(Locale.ROOT), set);
    }
}
