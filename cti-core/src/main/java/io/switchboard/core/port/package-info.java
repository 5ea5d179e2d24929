/**
 * The ports: small interfaces named after what the core needs from the
 * outside world. Adapters implement them and are named after technology and
 * port ({@code AmiCallControl}, {@code HazelcastAgentStateStore},
 * {@code JooqCallRecords}, {@code SalesforceCrmConnector}).
 *
 * <ul>
 *   <li>{@link io.switchboard.core.port.CallControl}: the commands a PBX must execute;</li>
 *   <li>{@link io.switchboard.core.port.PbxEventStream}: the events a PBX reports;</li>
 *   <li>{@link io.switchboard.core.port.AgentDirectory}: who the agents are;</li>
 *   <li>{@link io.switchboard.core.port.AgentStateStore}: their routing states, compare-and-set;</li>
 *   <li>{@link io.switchboard.core.port.CallRecords}: the history of calls;</li>
 *   <li>{@link io.switchboard.core.port.CrmConnector}: contact lookup and call logging;</li>
 *   <li>the clock: {@link java.time.InstantSource} from the JDK. Decisions take an
 *       {@code InstantSource} rather than calling {@code Instant.now()}; production
 *       passes {@code InstantSource.system()}, tests a fake they advance by hand.
 *       No port of our own is needed.</li>
 * </ul>
 *
 * <p>I/O returns {@link java.util.concurrent.CompletionStage}; business outcomes
 * complete it normally with a value ({@link io.switchboard.core.port.CommandResult},
 * {@link io.switchboard.core.port.StatusUpdate}); a stage fails only when
 * infrastructure breaks.
 */
package io.switchboard.core.port;
