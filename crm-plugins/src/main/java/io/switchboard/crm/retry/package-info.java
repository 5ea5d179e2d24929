/** Pure retry timing for CRM calls: backoff with jitter and the server's Retry-After. */
package io.switchboard.crm.retry;
