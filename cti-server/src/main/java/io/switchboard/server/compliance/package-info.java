/**
 * The compliance gate's persistence and API (issue 6): the DNC lists and the {@code dial_audit} trail in MariaDB,
 * the abandon ledger loaded from {@code campaign_call_results} at start, and {@code GET /api/v1/dial-audit}.
 * {@link io.switchboard.server.compliance.Compliance} builds them; the rules live in {@code queue-manager}'s
 * {@code dialer.compliance}.
 */
package io.switchboard.server.compliance;
