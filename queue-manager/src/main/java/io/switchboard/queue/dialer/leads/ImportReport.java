package io.switchboard.queue.dialer.leads;

import java.util.ArrayList;
import java.util.List;

/**
 * The tally of one import, kept while it runs: rows read, imported, skipped (bad), duplicates and DNC matches,
 * and the first {@value #KEPT} errors and notices (warnings, duplicates, DNC matches) with their full counts, so
 * a million bad rows do not make a million-line report. Not thread-safe: one import writes it; readers take a
 * {@link #snapshot()}.
 */
public final class ImportReport {

    /** How many errors, and how many notices, are kept in full. */
    public static final int KEPT = 100;

    private long rowsRead;
    private long imported;
    private long skipped;
    private long duplicates;
    private long dnc;
    private long errorCount;
    private long noticeCount;
    private final List<RowIssue> errors = new ArrayList<>();
    private final List<RowIssue> notices = new ArrayList<>();

    /** Counts one line read and its issues. */
    public void read(LeadLine line) {
        rowsRead++;
        if (line instanceof LeadLine.Rejected rejected) {
            skipped++;
            rejected.errors().forEach(this::error);
        } else if (line instanceof LeadLine.Parsed parsed) {
            parsed.warnings().forEach(this::notice);
        }
    }

    /** Counts the fate of a good row. */
    public void sorted(ImportedLead lead, LeadSorter.Fate fate) {
        switch (fate) {
            case NEW -> imported++;
            case DNC -> {
                imported++;
                dnc++;
                notice(LeadSorter.issue(lead, fate));
            }
            case DUPLICATE_IN_FILE, DUPLICATE_IN_CAMPAIGN -> {
                duplicates++;
                notice(LeadSorter.issue(lead, fate));
            }
        }
    }

    /** Counts one row of a DNC list: a bad row, a number already on an earlier row, or an entry to store. */
    public void readDnc(DncFile.DncLine line, boolean duplicate) {
        rowsRead++;
        if (line.error().isPresent()) {
            skipped++;
            error(line.error().get());
        } else if (duplicate) {
            duplicates++;
            notice(new RowIssue(line.row(), "phone", "duplicate-in-file", "row " + line.row() + ": "
                    + line.number().orElseThrow().masked() + " is on an earlier row; stored once"));
        } else {
            imported++;
        }
    }

    /** Nothing was written after all (the import was refused or failed): no row counts as imported. */
    public void nothingImported() {
        imported = 0;
        dnc = 0;
    }

    private void error(RowIssue issue) {
        errorCount++;
        if (errors.size() < KEPT) {
            errors.add(issue);
        }
    }

    private void notice(RowIssue issue) {
        noticeCount++;
        if (notices.size() < KEPT) {
            notices.add(issue);
        }
    }

    /** The counts and kept issues as they are now. */
    public Snapshot snapshot() {
        return new Snapshot(rowsRead, imported, skipped, duplicates, dnc, errorCount, List.copyOf(errors),
                noticeCount, List.copyOf(notices));
    }

    /**
     * An import's tally at one moment.
     *
     * @param rowsRead    data rows read
     * @param imported    leads written (new and dnc); before the write, those that will be
     * @param skipped     bad rows (not imported)
     * @param duplicates  rows not imported because the number was already in the file or the campaign
     * @param dnc         leads imported in state {@code dnc}
     * @param errorCount  all errors found; {@code errors} holds the first {@value #KEPT}
     * @param errors      the first errors, in row order
     * @param noticeCount all warnings, duplicates and DNC matches; {@code notices} holds the first {@value #KEPT}
     * @param notices     the first notices, in row order
     */
    public record Snapshot(long rowsRead, long imported, long skipped, long duplicates, long dnc, long errorCount,
            List<RowIssue> errors, long noticeCount, List<RowIssue> notices) {
    }
}
