package io.switchboard.crm.http;

import io.switchboard.core.Require;

/** What came of one request after the retries: the CRM's answer, or why there was none. */
public sealed interface HttpResult permits HttpResult.Answered, HttpResult.Failed {

    /**
     * The CRM answered with something other than 401, 429 or 5xx (those are retried or turned into a failure).
     *
     * @param status the HTTP status
     * @param body   the response body, empty when there was none
     */
    record Answered(int status, String body) implements HttpResult {
        public Answered {
            Require.nonNull(body, "body");
        }

        /** Whether the status is 2xx. */
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /**
     * No usable answer.
     *
     * @param errorId   {@code crm-timeout}, {@code crm-unreachable}, {@code crm-server-error},
     *                  {@code crm-rate-limited}, {@code crm-unauthorized} or {@code crm-circuit-open}
     * @param message   what happened, without numbers or secrets
     * @param maybeSent whether the CRM may have acted on the request (a timeout or a reset after sending, a 5xx):
     *                  a create must look for its record before trying again
     */
    record Failed(String errorId, String message, boolean maybeSent) implements HttpResult {
        public Failed {
            Require.nonBlank(errorId, "errorId");
            Require.nonBlank(message, "message");
        }
    }
}
