package io.switchboard.queue.state;

import com.hazelcast.config.SerializationConfig;
import com.hazelcast.internal.serialization.Data;
import com.hazelcast.internal.serialization.InternalSerializationService;
import com.hazelcast.internal.serialization.impl.DefaultSerializationServiceBuilder;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.HazelcastSerializationException;
import com.hazelcast.nio.serialization.StreamSerializer;
import io.switchboard.core.agent.AgentState;
import io.switchboard.core.agent.AgentStatus;
import io.switchboard.core.agent.ReasonCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StatusSerializersTest {

    private static final Instant T0 = Instant.parse("2026-11-24T09:00:00.123456789Z");

    private final InternalSerializationService hazelcast = serializationService();

    @AfterEach
    void dispose() {
        hazelcast.dispose();
    }

    @Test
    void a_paused_status_with_its_reason_and_nanoseconds_reads_back_exactly_with_its_own_type_id() {
        StoredStatus paused = StoredStatus.of(new AgentStatus(AgentState.PAUSED, Optional.of(ReasonCode.of("lunch")),
                T0, 7));

        Data data = hazelcast.toData(paused);

        assertThat(data.getType()).isEqualTo(StatusSerializers.STORED_STATUS);
        assertThat((StoredStatus) hazelcast.toObject(data)).isEqualTo(paused);
        assertThat(data.dataSize()).as("far below Java serialization's ≈300 bytes").isLessThan(50);
    }

    @Test
    void a_status_without_a_reason_reads_back_without_one() {
        StoredStatus available = stored(AgentState.AVAILABLE, 1);

        assertThat((StoredStatus) hazelcast.toObject(hazelcast.toData(available))).isEqualTo(available);
    }

    @Test
    void a_compare_and_set_travels_with_its_expected_version_and_next_status() {
        CompareAndSet swap = new CompareAndSet(41, stored(AgentState.RESERVED, 42));

        Data data = hazelcast.toData(swap);
        CompareAndSet read = hazelcast.toObject(data);

        assertThat(data.getType()).isEqualTo(StatusSerializers.COMPARE_AND_SET);
        assertThat(read.expectedVersion()).isEqualTo(41);
        assertThat(read.next()).isEqualTo(stored(AgentState.RESERVED, 42));
    }

    @Test
    void outcomes_read_back_stored_refused_and_for_an_agent_never_seen() {
        CompareAndSet.Outcome stored = new CompareAndSet.Outcome(true, stored(AgentState.ON_CALL, 3));
        CompareAndSet.Outcome refused = new CompareAndSet.Outcome(false, stored(AgentState.WRAP_UP, 4));
        CompareAndSet.Outcome neverSeen = new CompareAndSet.Outcome(false, null);

        assertThat(hazelcast.toData(stored).getType()).isEqualTo(StatusSerializers.OUTCOME);
        assertThat((CompareAndSet.Outcome) hazelcast.toObject(hazelcast.toData(stored))).isEqualTo(stored);
        assertThat((CompareAndSet.Outcome) hazelcast.toObject(hazelcast.toData(refused))).isEqualTo(refused);
        assertThat((CompareAndSet.Outcome) hazelcast.toObject(hazelcast.toData(neverSeen))).isEqualTo(neverSeen);
    }

    @Test
    void a_format_version_this_member_does_not_know_is_refused_by_each_serializer() throws IOException {
        assertRefused(new StatusSerializers.Statuses(), "agent status format 2");
        assertRefused(new StatusSerializers.Swaps(), "compare-and-set format 2");
        assertRefused(new StatusSerializers.Outcomes(), "compare-and-set outcome format 2");
    }

    @Test
    void a_status_without_its_state_is_refused() throws IOException {
        ObjectDataOutput out = hazelcast.createObjectDataOutput();
        out.writeByte(StatusSerializers.FORMAT);
        out.writeString(null);
        byte[] bytes = out.toByteArray();

        assertThatThrownBy(() -> new StatusSerializers.Statuses().read(hazelcast.createObjectDataInput(bytes)))
                .isInstanceOf(HazelcastSerializationException.class).hasMessageContaining("without its state");
    }

    private void assertRefused(StreamSerializer<?> serializer, String message) throws IOException {
        ObjectDataOutput out = hazelcast.createObjectDataOutput();
        out.writeByte(StatusSerializers.FORMAT + 1);
        out.writeString("AVAILABLE");
        byte[] bytes = out.toByteArray();

        assertThatThrownBy(() -> serializer.read(hazelcast.createObjectDataInput(bytes)))
                .isInstanceOf(HazelcastSerializationException.class).hasMessageContaining(message);
    }

    private static InternalSerializationService serializationService() {
        SerializationConfig config = new SerializationConfig();
        StatusSerializers.registerOn(config);
        return new DefaultSerializationServiceBuilder().setConfig(config).build();
    }

    private static StoredStatus stored(AgentState state, long version) {
        return StoredStatus.of(new AgentStatus(state, Optional.empty(), T0, version));
    }
}
