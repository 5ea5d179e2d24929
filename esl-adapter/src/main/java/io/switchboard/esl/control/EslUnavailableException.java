package io.switchboard.esl.control;

import io.switchboard.core.id.PbxId;

import java.util.Objects;

/**
 * An ESL command could not be carried out because the infrastructure broke, not because FreeSWITCH refused
 * it: the stage of an {@link EslCallControl} command completes exceptionally with this, as the
 * {@code CallControl} port asks. Refusals ({@code -ERR ...}) are {@code CommandResult.Failed} values instead.
 */
public final class EslUnavailableException extends RuntimeException {

    /** Not logged in to the event socket, or the connection was lost before the reply. */
    public static final String NOT_CONNECTED = "esl-not-connected";

    /** The command was written but no reply came within the command timeout; it may still take effect. */
    public static final String TIMEOUT = "esl-timeout";

    private final String errorId;
    private final PbxId pbx;

    /** @param errorId {@link #NOT_CONNECTED} or {@link #TIMEOUT} */
    public EslUnavailableException(String errorId, PbxId pbx, String message) {
        super(Objects.requireNonNull(errorId, "errorId") + " (pbx " + Objects.requireNonNull(pbx, "pbx") + "): "
                + message, null, false, false);
        this.errorId = errorId;
        this.pbx = pbx;
    }

    /** A stable slug: {@link #NOT_CONNECTED} or {@link #TIMEOUT}. */
    public String errorId() {
        return errorId;
    }

    /** The FreeSWITCH that could not be reached. */
    public PbxId pbx() {
        return pbx;
    }
}
