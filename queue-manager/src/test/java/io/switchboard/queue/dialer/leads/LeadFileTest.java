package io.switchboard.queue.dialer.leads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.queue.dialer.ZoneSource;
import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LeadFileTest {

    @Test
    void readsALeadWithEveryKnownColumnAndCustomAttributes() throws Exception {
        List<LeadLine> lines = lines("""
                Phone,First_Name,last_name,email,time_zone,state,zip,priority,external_ref,attr_plan
                (212) 555-0100,Ann,Lee,ann@example.com,America/Chicago,NY,10001,5,crm-1,gold
                """);

        ImportedLead lead = parsed(lines.get(0)).lead();
        assertThat(lead.row()).isEqualTo(2);
        assertThat(lead.number().e164()).isEqualTo("+12125550100");
        assertThat(lead.zone()).contains(ZoneId.of("America/Chicago"));
        assertThat(lead.zoneSource()).contains(ZoneSource.LEAD);
        assertThat(lead.region()).contains("NY");
        assertThat(lead.postcode()).contains("10001");
        assertThat(lead.priority()).isEqualTo(5);
        assertThat(lead.externalRef()).contains("crm-1");
        assertThat(lead.attributes()).isEqualTo(Map.of("first_name", "Ann", "last_name", "Lee",
                "email", "ann@example.com", "attr_plan", "gold"));
    }

    @Test
    void readsNumbersWithoutACountryCodeInTheCampaignsRegion() throws Exception {
        List<LeadLine> lines = lines("phone\n020 7946 0018\n+1 415 555 0100\n", "GB");

        assertThat(parsed(lines.get(0)).lead().number().e164()).isEqualTo("+442079460018");
        assertThat(parsed(lines.get(1)).lead().number().e164()).isEqualTo("+14155550100");
    }

    @Test
    void rejectsAMalformedAndAMissingNumberNamingRowAndColumn() throws Exception {
        List<LeadLine> lines = lines("phone,first_name\n12,Ann\n,Bob\n");

        assertThat(errors(lines.get(0))).containsExactly("2:phone:phone-malformed");
        assertThat(errors(lines.get(1))).containsExactly("3:phone:phone-missing");
    }

    @Test
    void reportsEveryErrorOfARow() throws Exception {
        List<LeadLine> lines = lines("phone,time_zone,priority,email\n+12125550100,Mars/Olympus,high,nope\n");

        assertThat(errors(lines.get(0))).containsExactly("2:time_zone:time-zone-unknown",
                "2:priority:priority-not-a-number", "2:email:email-malformed");
    }

    @Test
    void refusesAnOffsetAsATimeZone() throws Exception {
        assertThat(errors(lines("phone,time_zone\n+12125550100,+05:00\n").get(0)))
                .containsExactly("2:time_zone:time-zone-unknown");
    }

    @Test
    void rejectsARowWithTheWrongNumberOfFields() throws Exception {
        assertThat(errors(lines("phone,first_name\n+12125550100\n").get(0))).containsExactly("2::column-count");
    }

    @Test
    void rejectsOverlongValues() throws Exception {
        assertThat(errors(lines("phone,external_ref\n+12125550100," + "x".repeat(129) + "\n").get(0)))
                .containsExactly("2:external_ref:value-too-long");
    }

    @Test
    void refusesUnknownColumnsByName() {
        assertThatThrownBy(() -> lines("phone,phnoe,attr_ok,Colour\n1,2,3,4\n"))
                .hasMessageContaining("column-unknown").hasMessageContaining("'phnoe', 'Colour'")
                .hasMessageNotContaining("attr_ok'");
    }

    @Test
    void refusesAFileWithoutAPhoneColumn() {
        assertThatThrownBy(() -> lines("first_name\nAnn\n")).hasMessageContaining("phone-column-missing");
    }

    @Test
    void refusesTwoColumnsMeaningTheSame() {
        assertThatThrownBy(() -> lines("phone,state,region\n1,TX,TX\n")).hasMessageContaining("column-duplicate");
    }

    @Test
    void refusesAnEmptyFile() {
        assertThatThrownBy(() -> lines("")).hasMessageContaining("file-empty");
    }

    @Test
    void refusesAFileWithAHeaderOnly() {
        assertThatThrownBy(() -> lines("phone,first_name\r\n")).hasMessageContaining("no-rows");
    }

    @Test
    void refusesALatin1File() {
        assertThatThrownBy(() -> lines("phone,first_name\n+12125550100,Ren\u00e9\n", "US", StandardCharsets.ISO_8859_1))
                .hasMessageContaining("encoding-not-utf8").hasMessageContaining("row 2")
                .hasMessageContaining("byte 33");
    }

    @Test
    void warnsWhenTheNumberAloneSpansSeveralZones() throws Exception {
        LeadLine.Parsed line = parsed(lines("phone\n+18005550100\n").get(0));

        assertThat(line.lead().zone()).isEmpty();
        assertThat(line.warnings()).extracting(RowIssue::reason).containsExactly("time-zone-ambiguous");
    }

    private static LeadLine.Parsed parsed(LeadLine line) {
        assertThat(line).isInstanceOf(LeadLine.Parsed.class);
        return (LeadLine.Parsed) line;
    }

    private static List<String> errors(LeadLine line) {
        assertThat(line).isInstanceOf(LeadLine.Rejected.class);
        return ((LeadLine.Rejected) line).errors().stream()
                .map(e -> e.row() + ":" + e.column() + ":" + e.reason()).toList();
    }

    static List<LeadLine> lines(String text) throws Exception {
        return lines(text, "US");
    }

    static List<LeadLine> lines(String text, String region) throws Exception {
        return lines(text, region, StandardCharsets.UTF_8);
    }

    static List<LeadLine> lines(String text, String region, Charset charset) throws Exception {
        List<LeadLine> lines = new ArrayList<>();
        try (LeadFile file = LeadFile.open(new ByteArrayInputStream(text.getBytes(charset)), region)) {
            for (Optional<LeadLine> line = file.next(); line.isPresent(); line = file.next()) {
                lines.add(line.get());
            }
        }
        return lines;
    }
}
