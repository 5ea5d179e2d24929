/**
 * Staffing ("Measurement"): how many agents a queue needs for a service level, and how a given staff
 * performs. {@link io.switchboard.queue.staffing.Staffing#answer} is the one entry point, a pure function
 * of a {@link io.switchboard.queue.staffing.StaffingQuestion}; {@link io.switchboard.queue.staffing.ErlangC}
 * (callers wait for ever) and {@link io.switchboard.queue.staffing.ErlangA} (callers abandon) are the models.
 */
package io.switchboard.queue.staffing;
