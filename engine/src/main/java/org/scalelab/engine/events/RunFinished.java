package org.scalelab.engine.events;

/** The last event of a run that trained every epoch. */
public record RunFinished(RunSummary summary) implements RunEvent {
}
