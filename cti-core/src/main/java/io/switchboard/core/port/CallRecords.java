package io.switchboard.core.port;

import io.switchboard.core.call.Call;
import io.switchboard.core.call.CallLeg;
import io.switchboard.core.id.CallId;

import java.util.concurrent.CompletionStage;

/** The durable history of calls and their legs, for reports and audits. Saving twice overwrites. */
public interface CallRecords {

    /** Saves the call and all its legs. */
    CompletionStage<Void> save(Call call);

    /** Saves one leg of {@code call}, e.g. as soon as it ends. */
    CompletionStage<Void> saveLeg(CallId call, CallLeg leg);
}
