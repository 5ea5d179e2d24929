package io.switchboard.queue.dialer.leads;

import java.util.List;

/** What one data row of a lead file became: a lead to import (perhaps with warnings), or a rejected row. */
public sealed interface LeadLine {

    /** The row's CSV record number (the header is row 1). */
    int row();

    /** The row is good: {@code lead} is imported unless it is a duplicate; {@code warnings} go in the report. */
    record Parsed(ImportedLead lead, List<RowIssue> warnings) implements LeadLine {
        public Parsed {
            warnings = List.copyOf(warnings);
        }

        @Override
        public int row() {
            return lead.row();
        }
    }

    /** The row is bad: every error found in it, each naming its column. */
    record Rejected(int row, List<RowIssue> errors) implements LeadLine {
        public Rejected {
            errors = List.copyOf(errors);
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("errors must not be empty");
            }
        }
    }
}
