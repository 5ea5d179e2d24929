package io.switchboard.core.port;

import io.switchboard.core.id.PbxId;

import java.util.Objects;

/**
 * A {@link CallControl} command could not be carried out because the infrastructure broke, not because the
 * PBX refused it: the command's stage completes exceptionally with this. Refusals are
 * {@link CommandResult.Failed} values instead.
 *
 * <p>The error id is the adapter's stable slug, e.g. {@code ami-not-connected}, {@code ami-timeout},
 * {@code esl-not-connected}, {@code esl-timeout}. The message names the command and the PBX; it never
 * contains a secret or a whole phone number.
 */
public final class PbxUnavailableException extends RuntimeException {

    private final String errorId;
    private final PbxId pbx;

    /**
     * @param errorId the adapter's stable slug for what broke
     * @param pbx     the PBX that could not be reached
     * @param message what was not done, for logs
     */
    public PbxUnavailableException(String errorId, PbxId pbx, String message) {
        super(Objects.requireNonNull(errorId, "errorId") + " (pbx " + Objects.requireNonNull(pbx, "pbx") + "): "
                + message, null, false, false);
        this.errorId = errorId;
        this.pbx = pbx;
    }

    /** The adapter's stable slug, e.g. {@code esl-timeout}. */
    public String errorId() {
        return errorId;
    }

    /** The PBX that could not be reached. */
    public PbxId pbx() {
        return pbx;
    }
}
