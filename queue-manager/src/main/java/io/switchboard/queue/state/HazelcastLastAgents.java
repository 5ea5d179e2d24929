package io.switchboard.queue.state;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.switchboard.core.Require;
import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.id.AgentId;
import io.switchboard.queue.routing.LastAgents;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * Callers' last agents in a Hazelcast IMap, shared by every Switchboard node: the key is the salted SHA-256
 * digest of the caller's E.164 number, never the number, and each entry lives for the retention (the IMap's
 * per-entry TTL), so the map holds only the callers of the last {@code retention}.
 *
 * <p>The salt is the cluster's, not the node's: the first node to ask stores a random one in
 * {@link #SALT_MAP} with one entry processor, and every node reads that one, so a number hashes alike on all
 * of them. Calls never block: they chain the IMap's own async stages.
 */
public final class HazelcastLastAgents implements LastAgents {

    /** The IMap of digest to agent id. */
    public static final String MAP_NAME = "switchboard.last-agent";

    /** The IMap that holds the cluster's salts, one per use. */
    public static final String SALT_MAP = "switchboard.salts";

    private static final String SALT_KEY = "last-agent";

    private final IMap<String, String> lastAgents;
    private final CompletionStage<byte[]> salt;
    private final Duration retention;

    public HazelcastLastAgents(HazelcastInstance hazelcast, Duration retention) {
        Objects.requireNonNull(hazelcast, "hazelcast");
        this.retention = Require.positive(retention, "retention");
        this.lastAgents = hazelcast.getMap(MAP_NAME);
        IMap<String, byte[]> salts = hazelcast.getMap(SALT_MAP);
        this.salt = salts.submitToKey(SALT_KEY, new SaltIfAbsent());
    }

    @Override
    public CompletionStage<Optional<AgentId>> lastAgentOf(PhoneNumber caller) {
        return salt.thenCompose(s -> lastAgents.getAsync(digest(s, caller)))
                .thenApply(agent -> Optional.ofNullable(agent).map(AgentId::of));
    }

    @Override
    public CompletionStage<Void> spokeWith(PhoneNumber caller, AgentId agent) {
        return salt.thenCompose(s -> lastAgents.setAsync(digest(s, caller), agent.value(), retention.toMillis(),
                TimeUnit.MILLISECONDS));
    }

    /** The key of {@code caller}: hex SHA-256 of the salt then the E.164 number. */
    static String digest(byte[] salt, PhoneNumber caller) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            return HexFormat.of().formatHex(sha.digest(caller.e164().getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
