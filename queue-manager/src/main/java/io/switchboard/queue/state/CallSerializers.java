package io.switchboard.queue.state;

import com.hazelcast.config.SerializationConfig;
import com.hazelcast.config.SerializerConfig;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.HazelcastSerializationException;
import com.hazelcast.nio.serialization.StreamSerializer;
import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.PbxId;
import io.switchboard.core.id.QueueId;
import io.switchboard.core.id.TaskId;
import io.switchboard.queue.routing.HeldCall;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a call in flight ({@link HeldCall}) travels and rests in Hazelcast's {@link HazelcastCallsInFlight#MAP_NAME}:
 * a format byte, then the fields in a fixed order (times as epoch seconds and nanoseconds, an absent caller as a null string),
 * not Java serialization; the pattern of {@link StatusSerializers}. Every member must register it ({@link
 * #registerOn}), as the server's Hazelcast set-up does; a member that reads a format it does not know refuses it.
 */
public final class CallSerializers {

    /** The Hazelcast type id of {@link HeldCall}. */
    static final int HELD_CALL = 7_201;
    /** The one format written. */
    static final byte FORMAT = 1;

    private CallSerializers() {
    }

    /** Registers the serializer on a member's (or client's) serialization config. */
    public static void registerOn(SerializationConfig config) {
        config.addSerializerConfig(new SerializerConfig().setTypeClass(HeldCall.class)
                .setImplementation(new HeldCalls()));
    }

    /** {@link HeldCall}: the calls map's values. */
    static final class HeldCalls implements StreamSerializer<HeldCall> {

        @Override
        public int getTypeId() {
            return HELD_CALL;
        }

        @Override
        public void write(ObjectDataOutput out, HeldCall call) throws IOException {
            out.writeByte(FORMAT);
            out.writeString(call.call().value());
            out.writeString(call.pbx().value());
            out.writeString(call.callerLeg().value());
            out.writeString(call.queue().value());
            out.writeString(call.task().value());
            out.writeString(call.caller().map(PhoneNumber::e164).orElse(null));
            out.writeInt(call.priority());
            writeInstant(out, call.created());
            writeInstant(out, call.enteredAt());
            out.writeLong(call.pbxAhead().toNanos());
            out.writeInt(call.originalPosition());
            out.writeInt(call.legs());
            out.writeInt(call.offers().size());
            for (HeldCall.Offer offer : call.offers()) {
                out.writeString(offer.agent().value());
                out.writeString(offer.leg().value());
                out.writeString(offer.recorded().value());
                writeInstant(out, offer.since());
            }
            out.writeBoolean(call.connectedAt().isPresent());
            if (call.connectedAt().isPresent()) {
                writeInstant(out, call.connectedAt().get());
            }
        }

        @Override
        public HeldCall read(ObjectDataInput in) throws IOException {
            byte format = in.readByte();
            if (format != FORMAT) {
                throw new HazelcastSerializationException("unknown call-in-flight format " + format
                        + " (this member reads " + FORMAT + "): is a member of another Switchboard version in the"
                        + " cluster?");
            }
            CallId call = CallId.of(in.readString());
            PbxId pbx = PbxId.of(in.readString());
            LegId callerLeg = LegId.of(in.readString());
            QueueId queue = QueueId.of(in.readString());
            TaskId task = TaskId.of(in.readString());
            Optional<PhoneNumber> caller = Optional.ofNullable(in.readString())
                    .map(e164 -> PhoneNumber.parse(e164, "caller"));
            int priority = in.readInt();
            Instant created = readInstant(in);
            Instant enteredAt = readInstant(in);
            Duration pbxAhead = Duration.ofNanos(in.readLong());
            int originalPosition = in.readInt();
            int legs = in.readInt();
            int count = in.readInt();
            List<HeldCall.Offer> offers = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                offers.add(new HeldCall.Offer(AgentId.of(in.readString()), LegId.of(in.readString()),
                        LegId.of(in.readString()), readInstant(in)));
            }
            Optional<Instant> connectedAt = in.readBoolean() ? Optional.of(readInstant(in)) : Optional.empty();
            return new HeldCall(call, pbx, callerLeg, queue, task, caller, priority, created, enteredAt, pbxAhead,
                    originalPosition, legs, offers, connectedAt);
        }

        private static void writeInstant(ObjectDataOutput out, Instant at) throws IOException {
            out.writeLong(at.getEpochSecond());
            out.writeInt(at.getNano());
        }

        private static Instant readInstant(ObjectDataInput in) throws IOException {
            return Instant.ofEpochSecond(in.readLong(), in.readInt());
        }
    }
}
