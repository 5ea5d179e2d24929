package io.switchboard.core.routing;

/** Why a task was canceled before an agent got it. */
public enum CancelReason {

    /** The caller hung up while waiting: an abandoned call. */
    CALLER_ABANDONED,

    /** The task waited longer than its queue's maximum wait. */
    MAX_WAIT_EXCEEDED,

    /** The queue already held its maximum number of tasks when the task arrived. */
    QUEUE_FULL,

    /** The dialer's call to the lead failed (busy, no answer, answering machine). */
    CALL_FAILED,

    /** An operator or an API client removed the task. */
    OPERATOR
}
