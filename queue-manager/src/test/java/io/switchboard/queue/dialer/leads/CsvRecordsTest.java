package io.switchboard.queue.dialer.leads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CsvRecordsTest {

    @Test
    void readsQuotedFieldsWithCommasLineBreaksAndDoubledQuotes() throws Exception {
        List<List<String>> rows = all("a,b,c\r\n\"x, y\",\"line1\r\nline2\",\"say \"\"hi\"\"\"\r\n");

        assertThat(rows).containsExactly(List.of("a", "b", "c"), List.of("x, y", "line1\r\nline2", "say \"hi\""));
    }

    @Test
    void acceptsBareLineFeedsAndNoFinalLineBreak() throws Exception {
        assertThat(all("a,b\n1,2\n3,4")).containsExactly(List.of("a", "b"), List.of("1", "2"), List.of("3", "4"));
    }

    @Test
    void keepsEmptyFieldsAndSkipsEmptyLinesButCountsThem() throws Exception {
        CsvRecords records = records("a,b\n\n,2\n");

        assertThat(records.next()).contains(List.of("a", "b"));
        assertThat(records.next()).contains(List.of("", "2"));
        assertThat(records.row()).isEqualTo(3);
        assertThat(records.next()).isEmpty();
    }

    @Test
    void skipsAUtf8ByteOrderMarkAndKeepsAccents() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = "phone,first_name\n1,Zoë\n".getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, file, 0, 3);
        System.arraycopy(text, 0, file, 3, text.length);

        CsvRecords records = new CsvRecords(new ByteArrayInputStream(file));

        assertThat(records.next()).contains(List.of("phone", "first_name"));
        assertThat(records.next()).contains(List.of("1", "Zoë"));
    }

    @Test
    void refusesLatin1NamingTheRowAndByte() throws Exception {
        CsvRecords records = new CsvRecords(new ByteArrayInputStream(
                "phone,first_name\n1,Ren\u00e9\n".getBytes(StandardCharsets.ISO_8859_1)));

        assertThat(records.next()).isPresent();
        assertThatThrownBy(records::next).isInstanceOf(FileRefusedException.class)
                .extracting(e -> ((FileRefusedException) e).refusal(), type(FileRefused.class))
                .satisfies(r -> {
                    assertThat(r.errorId()).isEqualTo("encoding-not-utf8");
                    assertThat(r.row()).hasValue(2);
                    assertThat(r.byteOffset()).hasValue(22);
                });
    }

    @Test
    void refusesAnUnterminatedQuoteNamingTheRowItStarts() throws Exception {
        CsvRecords records = records("a\n\"open\n");

        records.next();
        assertThatThrownBy(records::next).isInstanceOf(FileRefusedException.class)
                .hasMessageContaining("csv-unterminated-quote").hasMessageContaining("row 2");
    }

    @Test
    void refusesAQuoteInsideAnUnquotedField() throws Exception {
        CsvRecords records = records("a,b\n5\" tall,x\n");

        records.next();
        assertThatThrownBy(records::next).hasMessageContaining("csv-stray-quote").hasMessageContaining("row 2");
    }

    @Test
    void refusesTextAfterAClosingQuote() throws Exception {
        CsvRecords records = records("a\n\"x\"y\n");

        records.next();
        assertThatThrownBy(records::next).hasMessageContaining("csv-stray-quote");
    }

    @Test
    void countsTheBytesItRead() throws Exception {
        CsvRecords records = records("a,b\n1,2\n");
        while (records.next().isPresent()) {
            continue;
        }
        assertThat(records.bytesRead()).isEqualTo(8);
    }

    private static CsvRecords records(String text) {
        return new CsvRecords(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<List<String>> all(String text) throws Exception {
        CsvRecords records = records(text);
        List<List<String>> rows = new ArrayList<>();
        for (Optional<List<String>> r = records.next(); r.isPresent(); r = records.next()) {
            rows.add(r.get());
        }
        return rows;
    }
}
