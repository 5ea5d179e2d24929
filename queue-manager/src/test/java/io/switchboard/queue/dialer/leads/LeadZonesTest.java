package io.switchboard.queue.dialer.leads;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.call.PhoneNumber;
import io.switchboard.queue.dialer.ZoneSource;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class LeadZonesTest {

    private static final PhoneNumber NEW_YORK = PhoneNumber.parse("+12125550100", "phone");
    private static final PhoneNumber DALLAS = PhoneNumber.parse("+12145550100", "phone");
    private static final PhoneNumber EL_PASO = PhoneNumber.parse("+19155550100", "phone");
    private static final PhoneNumber TOLL_FREE = PhoneNumber.parse("+18005550100", "phone");

    @Test
    void theLeadsOwnZoneComesFirst() {
        assertThat(LeadZones.resolve("Europe/London", "TX", DALLAS))
                .isEqualTo(LeadZone.of(ZoneId.of("Europe/London"), ZoneSource.LEAD));
    }

    @Test
    void aSingleZoneStateOutranksTheAreaCode() {
        assertThat(LeadZones.resolve("", "California", NEW_YORK))
                .isEqualTo(LeadZone.of(ZoneId.of("America/Los_Angeles"), ZoneSource.REGION));
    }

    @Test
    void aStateSpanningZonesIsNarrowedByTheNumber() {
        assertThat(LeadZones.resolve("", "tx", EL_PASO))
                .isEqualTo(LeadZone.of(ZoneId.of("America/Denver"), ZoneSource.REGION));
        assertThat(LeadZones.resolve("", "TX", DALLAS))
                .isEqualTo(LeadZone.of(ZoneId.of("America/Chicago"), ZoneSource.REGION));
    }

    @Test
    void aStateSpanningZonesThatTheNumberCannotNarrowLeavesNoZone() {
        assertThat(LeadZones.resolve("", "TX", NEW_YORK)).isEqualTo(LeadZone.none("time-zone-ambiguous"));
    }

    @Test
    void aCanadianProvinceByCode() {
        assertThat(LeadZones.resolve("", "MB", PhoneNumber.parse("+12045550100", "phone")))
                .isEqualTo(LeadZone.of(ZoneId.of("America/Winnipeg"), ZoneSource.REGION));
    }

    @Test
    void withoutLeadFieldsTheNumberDecides() {
        assertThat(LeadZones.resolve("", "", NEW_YORK))
                .isEqualTo(LeadZone.of(ZoneId.of("America/New_York"), ZoneSource.NUMBER));
        assertThat(LeadZones.resolve("", "", PhoneNumber.parse("+442079460018", "phone")))
                .isEqualTo(LeadZone.of(ZoneId.of("Europe/London"), ZoneSource.NUMBER));
    }

    @Test
    void aNumberSpanningZonesWithNothingToSettleItGetsNone() {
        assertThat(LeadZones.resolve("", "", TOLL_FREE)).isEqualTo(LeadZone.none("time-zone-ambiguous"));
    }

    @Test
    void anUnknownUsStateFallsBackToTheNumberWithAWarning() {
        LeadZone zone = LeadZones.resolve("", "Texsa", NEW_YORK);

        assertThat(zone.zone()).contains(ZoneId.of("America/New_York"));
        assertThat(zone.source()).contains(ZoneSource.NUMBER);
        assertThat(zone.warning()).contains("region-unknown");
    }

    @Test
    void aRegionOutsideNorthAmericaIsKeptButNotUsed() {
        assertThat(LeadZones.resolve("", "Kent", PhoneNumber.parse("+441622555000", "phone")))
                .isEqualTo(LeadZone.of(ZoneId.of("Europe/London"), ZoneSource.NUMBER));
    }

    @Test
    void everyRegionOfTheTableHasValidZones() {
        assertThat(RegionZones.table()).hasSizeGreaterThanOrEqualTo(2 * (51 + 5 + 13));
        RegionZones.table().values().forEach(zones -> assertThat(zones).isNotEmpty()
                .allSatisfy(zone -> assertThat(LeadZones.isZoneId(zone.getId())).isTrue()));
    }
}
