package org.scalelab.engine.events;

/**
 * Receives a run's events, on the training thread, in order. Keep it quick: the step events arrive between
 * optimiser steps. A listener that throws is logged and skipped ({@link RunListeners#fanOut}); it cannot
 * stop or break the run.
 */
@FunctionalInterface
public interface RunListener {

    void onEvent(RunEvent event);
}
