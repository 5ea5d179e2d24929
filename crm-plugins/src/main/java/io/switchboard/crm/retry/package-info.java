/** Retry-After parsing for CRM calls; the backoff itself is {@link io.switchboard.core.retry.RetryPolicy}. */
package io.switchboard.crm.retry;
