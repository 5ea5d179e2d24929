package io.switchboard.queue.dialer.leads;

/** Thrown by the readers when the file as a whole cannot be imported; {@link #refusal()} says why. */
public final class FileRefusedException extends Exception {

    private final transient FileRefused refusal;

    public FileRefusedException(FileRefused refusal) {
        super(refusal.errorId() + ": " + refusal.message(), null, false, false);
        this.refusal = refusal;
    }

    /** The stable reason and where in the file it was found. */
    public FileRefused refusal() {
        return refusal;
    }
}
