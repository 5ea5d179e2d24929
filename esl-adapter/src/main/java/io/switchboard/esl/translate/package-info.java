/** FreeSWITCH events into core events, and the live channels that give each leg its call. */
package io.switchboard.esl.translate;
