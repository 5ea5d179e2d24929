/**
 * Retry timing shared by the adapters: pure policies with an injected random source, no
 * framework and no clock of their own.
 */
package io.switchboard.core.retry;
