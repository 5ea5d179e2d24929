package io.switchboard.queue.kpi;

/** What happened in one bucket of time; added up to make a window. Times are in milliseconds. */
final class Counts {

    long offered;
    long answered;
    long answeredWithinThreshold;
    long abandoned;
    long shortAbandons;
    long repeatCallers;
    long answerWaitMillis;
    long handled;
    long handleMillis;
    long handlingMillis;
    long readyMillis;
    long loggedInMillis;

    void add(Counts other) {
        offered += other.offered;
        answered += other.answered;
        answeredWithinThreshold += other.answeredWithinThreshold;
        abandoned += other.abandoned;
        shortAbandons += other.shortAbandons;
        repeatCallers += other.repeatCallers;
        answerWaitMillis += other.answerWaitMillis;
        handled += other.handled;
        handleMillis += other.handleMillis;
        handlingMillis += other.handlingMillis;
        readyMillis += other.readyMillis;
        loggedInMillis += other.loggedInMillis;
    }

    boolean isEmpty() {
        return offered == 0 && answered == 0 && abandoned == 0 && shortAbandons == 0 && handled == 0;
    }

    Counts copy() {
        Counts copy = new Counts();
        copy.add(this);
        return copy;
    }
}
