/**
 * FreeSWITCH events into core events: channel events ({@link io.switchboard.esl.translate.EslEventTranslator}),
 * the dialplan glue's CUSTOM events ({@link io.switchboard.esl.translate.GlueEvents}), and the live channels
 * that give each leg its call and the id Switchboard chose for it
 * ({@link io.switchboard.esl.translate.EslChannels#expectAgentLeg}).
 */
package io.switchboard.esl.translate;
