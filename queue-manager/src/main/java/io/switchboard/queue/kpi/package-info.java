/**
 * Live KPIs ("Measurement"): service level, speed of answer, handle time, abandonment, occupancy,
 * utilisation, waiting calls and repeat callers, per queue and per agent, over the windows of
 * {@link io.switchboard.queue.kpi.KpiWindow}. {@link io.switchboard.queue.kpi.KpiEngine} is fed the router's
 * journal entries and agents' stored statuses as they happen (no polling), keeps one-minute buckets (memory
 * bounded by the hour it looks back), and hands out closed 15-minute {@link io.switchboard.queue.kpi.IntervalRow}s
 * for history. It is pure: time comes from the events and an injected clock. See {@code docs/kpis.md}.
 */
package io.switchboard.queue.kpi;
