package io.switchboard.queue.state;

import com.hazelcast.map.EntryProcessor;

import java.security.SecureRandom;
import java.util.Map;

/**
 * Runs on the member that owns the salt's partition: keeps the salt already there, or stores a new random
 * one, and answers the salt in the map. Two nodes starting at once therefore get the same salt.
 */
final class SaltIfAbsent implements EntryProcessor<String, byte[], byte[]> {

    private static final long serialVersionUID = 1L;

    @Override
    public byte[] process(Map.Entry<String, byte[]> entry) {
        if (entry.getValue() == null) {
            byte[] salt = new byte[16];
            new SecureRandom().nextBytes(salt);
            entry.setValue(salt);
        }
        return entry.getValue();
    }
}
