/** FreeSWITCH over ESL: connection settings and the reading of event payloads. */
package io.switchboard.esl;
