/**
 * The compliance gate (issue 6, docs/dialer.md "Compliance gate"): {@link
 * io.switchboard.queue.dialer.compliance.ComplianceRules} decides, as a pure function of the campaign, the lead,
 * the facts looked up and the time, whether a lead may be dialled; {@link
 * io.switchboard.queue.dialer.compliance.ComplianceGate} looks the facts up ({@link
 * io.switchboard.queue.dialer.compliance.DncList}, the {@link io.switchboard.queue.dialer.compliance.AbandonLedger})
 * and writes the audit row ({@link io.switchboard.queue.dialer.compliance.DialAuditLog}) before it answers.
 */
package io.switchboard.queue.dialer.compliance;
