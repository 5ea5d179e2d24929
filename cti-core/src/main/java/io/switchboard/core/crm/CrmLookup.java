package io.switchboard.core.crm;

import io.switchboard.core.Require;

import java.util.List;

/**
 * What a CRM answered when asked who holds a number. Routing and the screen pop treat {@link Unavailable} like
 * {@link NoMatch}: a CRM failure never delays or fails a call, but it is told apart so it can be logged and
 * counted.
 */
public sealed interface CrmLookup permits CrmLookup.Matched, CrmLookup.NoMatch, CrmLookup.Unavailable {

    /** The records that hold the number, best first: none when there is no match or the CRM failed. */
    List<ContactMatch> matches();

    /**
     * One or more records hold the number. With several, the pop shows a choice (Salesforce Open CTI's
     * search page, a list on the desktop) and the call log is associated with none of them unless exactly one.
     */
    record Matched(List<ContactMatch> matches) implements CrmLookup {
        public Matched {
            matches = List.copyOf(Require.nonNull(matches, "matches"));
            if (matches.isEmpty()) {
                throw new IllegalArgumentException("matches must not be empty; use NoMatch");
            }
        }

        /** Whether exactly one record holds the number, so the call can be associated with it. */
        public boolean unique() {
            return matches.size() == 1;
        }
    }

    /** The CRM answered and no record holds the number. */
    record NoMatch() implements CrmLookup {
        @Override
        public List<ContactMatch> matches() {
            return List.of();
        }
    }

    /**
     * The CRM could not answer in time: it is down, refused the credentials, rate-limited us, or its circuit is
     * open.
     *
     * @param errorId a stable slug, e.g. {@code crm-timeout}, {@code crm-unauthorized}, {@code crm-circuit-open}
     * @param message what happened, for logs; never holds a phone number in full or a secret
     */
    record Unavailable(String errorId, String message) implements CrmLookup {
        public Unavailable {
            Require.nonBlank(errorId, "errorId");
            Require.nonBlank(message, "message");
        }

        @Override
        public List<ContactMatch> matches() {
            return List.of();
        }
    }
}
