package io.switchboard.crm.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Supplies the {@code Authorization} header of a CRM's requests and, after a 401, tries to get a new one.
 * A stage that fails does so with an {@link AuthFailure}, whose message holds no secret.
 */
public interface Authorizer {

    /** The header value to send now, e.g. {@code Bearer 00D...}. */
    CompletionStage<String> header();

    /**
     * The CRM refused {@code refused} with a 401: answers whether a different header is now available (an
     * OAuth token was fetched again). A fixed token cannot be renewed and answers {@code false}.
     */
    CompletionStage<Boolean> refresh(String refused);

    /** A fixed bearer token (a HubSpot private-app token, a Zendesk OAuth token). */
    static Authorizer bearer(Secret token) {
        return fixed(Secret.of("Bearer " + token.reveal(), "token"));
    }

    /** HTTP Basic from a user and a secret, e.g. Zendesk's {@code {email}/token} and its API token. */
    static Authorizer basic(String user, Secret password) {
        String pair = user + ":" + password.reveal();
        return fixed(Secret.of("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)),
                "password"));
    }

    private static Authorizer fixed(Secret header) {
        return new Authorizer() {
            @Override
            public CompletionStage<String> header() {
                return CompletableFuture.completedFuture(header.reveal());
            }

            @Override
            public CompletionStage<Boolean> refresh(String refused) {
                return CompletableFuture.completedFuture(false);
            }

            @Override
            public String toString() {
                return "Authorizer[fixed ****]";
            }
        };
    }

    /** Getting a credential failed; {@link #errorId()} says whether it was refused or unreachable. */
    final class AuthFailure extends RuntimeException {
        private final String errorId;

        /**
         * @param errorId {@code crm-unauthorized} when the CRM refused our client credentials, else the
         *                transport's slug ({@code crm-timeout}, {@code crm-unreachable}, {@code crm-server-error})
         */
        public AuthFailure(String errorId, String message) {
            super(message, null, false, false);
            this.errorId = errorId;
        }

        /** The stable slug. */
        public String errorId() {
            return errorId;
        }
    }
}
