/**
 * Call-control commands over ESL: {@link io.switchboard.esl.control.EslCallControl} drives the shipped
 * FreeSWITCH glue ({@code dialplan/freeswitch/dialplan/switchboard.xml}) with {@code uuid_*} api commands and
 * {@code bgapi originate}; FreeSWITCH's refusals are values, an unreachable FreeSWITCH fails the stage with
 * {@link io.switchboard.core.port.PbxUnavailableException}.
 */
package io.switchboard.esl.control;
