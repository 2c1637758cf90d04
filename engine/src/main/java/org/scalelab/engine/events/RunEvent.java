package org.scalelab.engine.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Everything a run reports, in one closed model: a run emits one {@link RunStarted}, then
 * {@link StepCompleted} and {@link EpochCompleted} events (and every worker's {@link StepTimeline}s), and ends
 * with exactly one {@link RunFinished} or {@link RunFailed}. A run that goes on from a checkpoint says so after
 * its {@link RunStarted} with a {@link RunResumed}, preceded by {@link RanksFailed} when ranks failed. Asynchronous SGD's server
 * adds {@link UpdateStaleness} events as it applies gradients. The same events feed the console, the run record, the app, and (as JSON lines, see
 * {@link EventJson}) a parent process listening to its workers.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = RunStarted.class, name = "runStarted"),
    @JsonSubTypes.Type(value = StepCompleted.class, name = "stepCompleted"),
    @JsonSubTypes.Type(value = EpochCompleted.class, name = "epochCompleted"),
    @JsonSubTypes.Type(value = RunFinished.class, name = "runFinished"),
    @JsonSubTypes.Type(value = RunFailed.class, name = "runFailed"),
    @JsonSubTypes.Type(value = StepTimeline.class, name = "stepTimeline"),
    @JsonSubTypes.Type(value = RanksFailed.class, name = "ranksFailed"),
    @JsonSubTypes.Type(value = RunResumed.class, name = "runResumed"),
    @JsonSubTypes.Type(value = UpdateStaleness.class, name = "updateStaleness"),
})
public sealed interface RunEvent permits RunStarted, StepCompleted, StepTimeline, EpochCompleted, RunFinished, RunFailed,
        RanksFailed, RunResumed, UpdateStaleness {
}
