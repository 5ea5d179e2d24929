package io.switchboard.core.id;

import io.switchboard.core.Require;

/**
 * Identifies one configured PBX connection (an Asterisk or a FreeSWITCH server).
 *
 * @param value the id as it appears in config, storage and logs; never blank
 */
public record PbxId(String value) {

    public PbxId {
        Require.nonBlank(value, "pbxId");
    }

    /** Shorthand for {@code new PbxId(value)}. */
    public static PbxId of(String value) {
        return new PbxId(value);
    }

    /** The bare id, so that logs read {@code pbxId=...} rather than a record dump. */
    @Override
    public String toString() {
        return value;
    }
}
