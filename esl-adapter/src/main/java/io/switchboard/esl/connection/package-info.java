/** The event socket connection: login, subscription, commands and jobs, resync, reconnect with backoff. */
package io.switchboard.esl.connection;
