package io.switchboard.queue.selection;

/**
 * Why a caller leaves a queue without being answered by one of its agents: the value Switchboard sets in
 * {@code QUEUESTATUS} for the admin's dialplan, as app_queue sets it when {@code Queue()} returns.
 */
public enum ExitReason {

    /** The caller waited the queue's {@code maxWait} (app_queue's {@code Queue()} timeout). */
    TIMEOUT(false),
    /** The caller arrived while {@code maxLength} callers were already waiting (app_queue {@code maxlen}). */
    FULL(true),
    /** The caller arrived while the queue was empty under its join policy (app_queue {@code joinempty}). */
    JOINEMPTY(true),
    /** The last member who counted under the leave policy went away while the caller waited ({@code leavewhenempty}). */
    LEAVEEMPTY(false);

    private final boolean atEntry;

    ExitReason(boolean atEntry) {
        this.atEntry = atEntry;
    }

    /** Whether the caller is turned away on arrival, before they ever wait (no {@code ENTERQUEUE}). */
    public boolean atEntry() {
        return atEntry;
    }

    /** The {@code QUEUESTATUS} value, as app_queue writes it. */
    public String queueStatus() {
        return name();
    }

    /** The API name: {@code JOINEMPTY} is {@code joinempty}. */
    public String apiName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
