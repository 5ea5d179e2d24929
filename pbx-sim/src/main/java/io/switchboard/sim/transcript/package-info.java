/**
 * Reader for the recorded AMI and ESL sessions in {@code ../shared/fixtures}: the simulator is
 * held to these bytes.
 */
package io.switchboard.sim.transcript;
