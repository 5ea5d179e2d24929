package io.switchboard.core.crm;

import io.switchboard.core.Require;

/** What a CRM answered when asked to log a call. */
public sealed interface CrmLogResult permits CrmLogResult.Logged, CrmLogResult.NotLogged {

    /**
     * The CRM stored the call.
     *
     * @param recordId the id of the activity the CRM created
     */
    record Logged(String recordId) implements CrmLogResult {
        public Logged {
            Require.nonBlank(recordId, "recordId");
        }
    }

    /**
     * The CRM refused the call log.
     *
     * @param errorId   a stable slug, e.g. {@code rate-limited}, {@code contact-not-found}
     * @param message   what the CRM said, for logs
     * @param retryable whether the durable outbox should try again later
     */
    record NotLogged(String errorId, String message, boolean retryable) implements CrmLogResult {
        public NotLogged {
            Require.nonBlank(errorId, "errorId");
            Require.nonBlank(message, "message");
        }
    }
}
