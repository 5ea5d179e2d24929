/**
 * FreeSWITCH over ESL: connection settings and the decoded event ({@link io.switchboard.esl.EslEventHeaders}).
 * {@code wire} cuts the socket into messages and decodes plain and JSON events, {@code translate} turns
 * events into core events and tracks the live channels, {@code connection} keeps the event socket up.
 * See {@code docs/esl.md}.
 */
package io.switchboard.esl;
