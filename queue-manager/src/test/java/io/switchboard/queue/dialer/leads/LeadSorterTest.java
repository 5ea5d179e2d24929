package io.switchboard.queue.dialer.leads;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.queue.dialer.leads.LeadSorter.Fate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LeadSorterTest {

    @Test
    void sortsNewDncAndDuplicatesAndTalliesThem() throws Exception {
        List<LeadLine> lines = LeadFileTest.lines("""
                phone
                +12125550100
                +12125550101
                (212) 555-0100
                +12125550102
                bad
                """);
        LeadSorter sorter = new LeadSorter(Set.of("+12125550102")::contains, Set.of("+12125550101")::contains);
        ImportReport report = new ImportReport();

        List<Fate> fates = lines.stream().peek(report::read).filter(LeadLine.Parsed.class::isInstance)
                .map(l -> ((LeadLine.Parsed) l).lead())
                .map(lead -> {
                    Fate fate = sorter.sort(lead);
                    report.sorted(lead, fate);
                    return fate;
                }).toList();

        assertThat(fates).containsExactly(Fate.NEW, Fate.DNC, Fate.DUPLICATE_IN_FILE, Fate.DUPLICATE_IN_CAMPAIGN);
        ImportReport.Snapshot tally = report.snapshot();
        assertThat(tally.rowsRead()).isEqualTo(5);
        assertThat(tally.imported()).isEqualTo(2);
        assertThat(tally.dnc()).isEqualTo(1);
        assertThat(tally.duplicates()).isEqualTo(2);
        assertThat(tally.skipped()).isEqualTo(1);
        assertThat(tally.errors()).extracting(RowIssue::row, RowIssue::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(6, "phone-malformed"));
        assertThat(tally.notices()).extracting(RowIssue::reason)
                .containsExactly("dnc", "duplicate-in-file", "duplicate-in-campaign");
        assertThat(tally.notices()).allSatisfy(n -> assertThat(n.message()).doesNotContain("2125550"));
    }

    @Test
    void keepsTheFirstHundredErrorsAndCountsAll() throws Exception {
        StringBuilder file = new StringBuilder("phone\n");
        for (int i = 0; i < 250; i++) {
            file.append("x\n");
        }
        ImportReport report = new ImportReport();
        LeadFileTest.lines(file.toString()).forEach(report::read);

        assertThat(report.snapshot().errorCount()).isEqualTo(250);
        assertThat(report.snapshot().errors()).hasSize(ImportReport.KEPT);
        assertThat(report.snapshot().errors().get(0).row()).isEqualTo(2);
    }
}
