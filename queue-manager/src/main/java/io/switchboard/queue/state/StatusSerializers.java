package io.switchboard.queue.state;

import com.hazelcast.config.SerializationConfig;
import com.hazelcast.config.SerializerConfig;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.HazelcastSerializationException;
import com.hazelcast.nio.serialization.StreamSerializer;

import java.io.IOException;

/**
 * How the agent status map's values and its compare-and-set travel and rest in Hazelcast: a version byte, then
 * the fields in a fixed order, instead of Java serialization (an {@code ObjectOutputStream} with its class
 * descriptors for every status stored, read or swapped: ≈9 % of the server's allocation at 200 calls/s, see
 * docs/benchmarks.md). A member that reads a format version it does not know refuses it with a
 * {@link HazelcastSerializationException} rather than guess; every member of a cluster must register these
 * ({@link #registerOn}), as the server's Hazelcast set-up does.
 */
public final class StatusSerializers {

    /** The Hazelcast type id of {@link StoredStatus}; positive ids are the application's. */
    static final int STORED_STATUS = 7_101;
    /** The Hazelcast type id of the {@link CompareAndSet} entry processor. */
    static final int COMPARE_AND_SET = 7_102;
    /** The Hazelcast type id of a {@link CompareAndSet.Outcome}. */
    static final int OUTCOME = 7_103;
    /** The one format written; bumped when the fields change, so an older member refuses instead of misreading. */
    static final byte FORMAT = 1;

    private StatusSerializers() {
    }

    /** Registers the three serializers on a member's (or client's) serialization config. */
    public static void registerOn(SerializationConfig config) {
        config.addSerializerConfig(new SerializerConfig().setTypeClass(StoredStatus.class)
                .setImplementation(new Statuses()));
        config.addSerializerConfig(new SerializerConfig().setTypeClass(CompareAndSet.class)
                .setImplementation(new Swaps()));
        config.addSerializerConfig(new SerializerConfig().setTypeClass(CompareAndSet.Outcome.class)
                .setImplementation(new Outcomes()));
    }

    private static void writeStatus(ObjectDataOutput out, StoredStatus status) throws IOException {
        out.writeString(status.state());
        out.writeString(status.reason());
        out.writeLong(status.sinceSeconds());
        out.writeInt(status.sinceNanos());
        out.writeLong(status.version());
    }

    private static StoredStatus readStatus(ObjectDataInput in) throws IOException {
        String state = in.readString();
        if (state == null) {
            throw new HazelcastSerializationException("an agent status without its state");
        }
        return new StoredStatus(state, in.readString(), in.readLong(), in.readInt(), in.readLong());
    }

    private static void checkFormat(ObjectDataInput in, String what) throws IOException {
        byte format = in.readByte();
        if (format != FORMAT) {
            throw new HazelcastSerializationException("unknown " + what + " format " + format + " (this member reads "
                    + FORMAT + "): is a member of another Switchboard version in the cluster?");
        }
    }

    /** {@link StoredStatus}: the map's values. */
    static final class Statuses implements StreamSerializer<StoredStatus> {

        @Override
        public int getTypeId() {
            return STORED_STATUS;
        }

        @Override
        public void write(ObjectDataOutput out, StoredStatus status) throws IOException {
            out.writeByte(FORMAT);
            writeStatus(out, status);
        }

        @Override
        public StoredStatus read(ObjectDataInput in) throws IOException {
            checkFormat(in, "agent status");
            return readStatus(in);
        }
    }

    /** {@link CompareAndSet}: the expected version and the status to store. */
    static final class Swaps implements StreamSerializer<CompareAndSet> {

        @Override
        public int getTypeId() {
            return COMPARE_AND_SET;
        }

        @Override
        public void write(ObjectDataOutput out, CompareAndSet swap) throws IOException {
            out.writeByte(FORMAT);
            out.writeLong(swap.expectedVersion());
            writeStatus(out, swap.next());
        }

        @Override
        public CompareAndSet read(ObjectDataInput in) throws IOException {
            checkFormat(in, "compare-and-set");
            long expected = in.readLong();
            return new CompareAndSet(expected, readStatus(in));
        }
    }

    /** {@link CompareAndSet.Outcome}: whether it stored, and the status found (absent for an agent never seen). */
    static final class Outcomes implements StreamSerializer<CompareAndSet.Outcome> {

        @Override
        public int getTypeId() {
            return OUTCOME;
        }

        @Override
        public void write(ObjectDataOutput out, CompareAndSet.Outcome outcome) throws IOException {
            out.writeByte(FORMAT);
            out.writeBoolean(outcome.stored());
            out.writeBoolean(outcome.current() != null);
            if (outcome.current() != null) {
                writeStatus(out, outcome.current());
            }
        }

        @Override
        public CompareAndSet.Outcome read(ObjectDataInput in) throws IOException {
            checkFormat(in, "compare-and-set outcome");
            boolean stored = in.readBoolean();
            return new CompareAndSet.Outcome(stored, in.readBoolean() ? readStatus(in) : null);
        }
    }
}
