/**
 * Importing lead lists and do-not-call lists (issue 6): {@code POST /api/v1/campaigns/{id}/leads/import} and
 * {@code POST /api/v1/dnc/import} run as jobs read with {@code GET /api/v1/imports/{jobId}}; single opt-outs are
 * {@code /api/v1/dnc}. Files are parsed on the {@value io.switchboard.server.leadimport.ImportRoutes#WORKER_POOL}
 * pool by {@code queue-manager}'s {@code dialer.leads}, rows written in one transaction on the database pool.
 */
package io.switchboard.server.leadimport;
