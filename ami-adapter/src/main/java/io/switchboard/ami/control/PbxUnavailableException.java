package io.switchboard.ami.control;

import io.switchboard.core.id.PbxId;

import java.util.Objects;

/**
 * The AMI command could not be carried out because the infrastructure broke, not because Asterisk
 * refused it: the stage of an {@link AmiCallControl} command completes exceptionally with this.
 * Refusals ({@code Response: Error}) are {@code CommandResult.Failed} values instead.
 *
 * <p>The message names the action and the PBX; it never contains the AMI secret or a phone number.
 */
public final class PbxUnavailableException extends RuntimeException {

    /** Not logged in to AMI (not connected, reconnecting, login refused), or the socket write failed. */
    public static final String NOT_CONNECTED = "ami-not-connected";

    /** The action was written but no response arrived within the response timeout. */
    public static final String TIMEOUT = "ami-timeout";

    private final String errorId;
    private final PbxId pbx;

    /**
     * @param errorId {@link #NOT_CONNECTED} or {@link #TIMEOUT}
     * @param pbx     the Asterisk that could not be reached
     * @param message what was not done, for logs
     */
    public PbxUnavailableException(String errorId, PbxId pbx, String message) {
        super(Objects.requireNonNull(errorId, "errorId") + " (pbx " + Objects.requireNonNull(pbx, "pbx") + "): "
                + message, null, false, false);
        this.errorId = errorId;
        this.pbx = pbx;
    }

    /** A stable slug: {@link #NOT_CONNECTED} or {@link #TIMEOUT}. */
    public String errorId() {
        return errorId;
    }

    /** The Asterisk that could not be reached. */
    public PbxId pbx() {
        return pbx;
    }
}
