/** The ESL wire: cutting the socket's bytes into messages and reading events in either encoding. */
package io.switchboard.esl.wire;
