package io.switchboard.core.id;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TypedIdsTest {

    static Stream<Arguments> ids() {
        return Stream.of(
                Arguments.of("agentId", (Function<String, Object>) AgentId::new),
                Arguments.of("queueId", (Function<String, Object>) QueueId::new),
                Arguments.of("taskId", (Function<String, Object>) TaskId::new),
                Arguments.of("reservationId", (Function<String, Object>) ReservationId::new),
                Arguments.of("callId", (Function<String, Object>) CallId::new),
                Arguments.of("legId", (Function<String, Object>) LegId::new),
                Arguments.of("campaignId", (Function<String, Object>) CampaignId::new),
                Arguments.of("leadId", (Function<String, Object>) LeadId::new),
                Arguments.of("pbxId", (Function<String, Object>) PbxId::new));
    }

    @ParameterizedTest(name = "{0} rejects a blank value, naming the field")
    @MethodSource("ids")
    void an_id_rejects_a_blank_value_naming_the_field(String field, Function<String, Object> constructor) {
        for (String blank : new String[] {null, "", "   "}) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> constructor.apply(blank))
                    .withMessage(field + " must not be blank");
        }
    }

    @ParameterizedTest(name = "{0} prints as its bare value")
    @MethodSource("ids")
    void an_id_prints_as_its_bare_value(String field, Function<String, Object> constructor) {
        assertThat(constructor.apply("x-42")).hasToString("x-42");
    }

    @ParameterizedTest(name = "{0} equals another with the same value")
    @MethodSource("ids")
    void ids_with_the_same_value_are_equal(String field, Function<String, Object> constructor) {
        assertThat(constructor.apply("x-42")).isEqualTo(constructor.apply("x-42"));
    }
}
