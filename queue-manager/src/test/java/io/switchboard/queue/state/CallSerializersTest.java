package io.switchboard.queue.state;

import com.hazelcast.config.SerializationConfig;
import com.hazelcast.internal.serialization.Data;
import com.hazelcast.internal.serialization.InternalSerializationService;
import com.hazelcast.internal.serialization.impl.DefaultSerializationServiceBuilder;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.HazelcastSerializationException;
import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.PbxId;
import io.switchboard.core.id.QueueId;
import io.switchboard.core.id.TaskId;
import io.switchboard.queue.routing.HeldCall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallSerializersTest {

    private static final Instant T0 = Instant.parse("2026-11-24T09:00:00.123456789Z");

    private final InternalSerializationService hazelcast = serializationService();

    @AfterEach
    void dispose() {
        hazelcast.dispose();
    }

    @Test
    void a_connected_call_reads_back_exactly_with_its_own_type_id_and_in_a_few_hundred_bytes() {
        HeldCall connected = call(Optional.of(PhoneNumber.parse("+4930555123", "caller")),
                List.of(new HeldCall.Offer(AgentId.of("a1"), LegId.of("pbx1/c1-agent-1"), LegId.of("pbx1/c1-agent-1"),
                        T0.plusSeconds(2))), Optional.of(T0.plusSeconds(5)));

        Data data = hazelcast.toData(connected);

        assertThat(data.getType()).isEqualTo(CallSerializers.HELD_CALL);
        assertThat((HeldCall) hazelcast.toObject(data)).isEqualTo(connected);
        assertThat(data.dataSize()).isLessThan(300);
    }

    @Test
    void a_withheld_caller_waiting_without_an_agent_reads_back_as_such() {
        HeldCall waiting = call(Optional.empty(), List.of(), Optional.empty());

        assertThat((HeldCall) hazelcast.toObject(hazelcast.toData(waiting))).isEqualTo(waiting);
    }

    @Test
    void a_format_this_member_does_not_know_is_refused() throws IOException {
        ObjectDataOutput out = hazelcast.createObjectDataOutput();
        out.writeByte(CallSerializers.FORMAT + 1);
        out.writeString("pbx1/1732438800.1");
        byte[] bytes = out.toByteArray();

        assertThatThrownBy(() -> new CallSerializers.HeldCalls().read(hazelcast.createObjectDataInput(bytes)))
                .isInstanceOf(HazelcastSerializationException.class).hasMessageContaining("call-in-flight format 2");
    }

    private static HeldCall call(Optional<PhoneNumber> caller, List<HeldCall.Offer> offers,
                                 Optional<Instant> connectedAt) {
        return new HeldCall(CallId.of("pbx1/1732438800.1"), PbxId.of("pbx1"), LegId.of("pbx1/1732438800.1"),
                QueueId.of("support"), TaskId.of("task-pbx1/1732438800.1"), caller, 3, T0, T0.minusMillis(40),
                Duration.ofMillis(-40), 2, offers.size(), offers, connectedAt);
    }

    private static InternalSerializationService serializationService() {
        SerializationConfig config = new SerializationConfig();
        CallSerializers.registerOn(config);
        return new DefaultSerializationServiceBuilder().setConfig(config).build();
    }
}
