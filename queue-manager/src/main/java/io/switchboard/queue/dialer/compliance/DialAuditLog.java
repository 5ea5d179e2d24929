package io.switchboard.queue.dialer.compliance;

import java.util.concurrent.CompletionStage;

/** Where every dial decision is recorded ({@code dial_audit}), so "why was this number called?" has an answer. */
public interface DialAuditLog {

    /** Writes one row; the stage fails when it could not be written, and then nothing is dialled. */
    CompletionStage<Void> record(DialAuditEntry entry);
}
