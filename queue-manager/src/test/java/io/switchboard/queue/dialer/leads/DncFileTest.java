package io.switchboard.queue.dialer.leads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DncFileTest {

    @Test
    void readsNumbersAndReasonsAndRejectsBadRows() throws Exception {
        List<DncFile.DncLine> lines = lines("Phone,reason\n(212) 555-0100,asked\n+442079460018,\nnope,x\n");

        assertThat(lines.get(0).number().orElseThrow().e164()).isEqualTo("+12125550100");
        assertThat(lines.get(0).reason()).contains("asked");
        assertThat(lines.get(1).number().orElseThrow().e164()).isEqualTo("+442079460018");
        assertThat(lines.get(1).reason()).isEmpty();
        assertThat(lines.get(2).error().orElseThrow().reason()).isEqualTo("phone-malformed");
        assertThat(lines.get(2).error().orElseThrow().row()).isEqualTo(4);
    }

    @Test
    void refusesOtherColumnsAnEmptyFileAndAMissingPhone() {
        assertThatThrownBy(() -> lines("phone,name\n1,x\n")).hasMessageContaining("column-unknown")
                .hasMessageContaining("name");
        assertThatThrownBy(() -> lines("")).hasMessageContaining("file-empty");
        assertThatThrownBy(() -> lines("reason\nx\n")).hasMessageContaining("phone-column-missing");
        assertThatThrownBy(() -> lines("phone\n")).hasMessageContaining("no-rows");
    }

    @Test
    void talliesEntriesDuplicatesAndBadRows() throws Exception {
        ImportReport report = new ImportReport();
        java.util.Set<String> seen = new java.util.HashSet<>();
        lines("phone\n+12125550100\n+12125550100\nx\n").forEach(line -> report.readDnc(line,
                line.number().isPresent() && !seen.add(line.number().get().e164())));

        assertThat(report.snapshot().imported()).isEqualTo(1);
        assertThat(report.snapshot().duplicates()).isEqualTo(1);
        assertThat(report.snapshot().skipped()).isEqualTo(1);
        assertThat(report.snapshot().errors()).extracting(RowIssue::reason).containsExactly("phone-malformed");
    }

    private static List<DncFile.DncLine> lines(String text) throws Exception {
        List<DncFile.DncLine> lines = new ArrayList<>();
        try (DncFile file = DncFile.open(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "US")) {
            for (Optional<DncFile.DncLine> line = file.next(); line.isPresent(); line = file.next()) {
                lines.add(line.get());
            }
        }
        return lines;
    }
}
