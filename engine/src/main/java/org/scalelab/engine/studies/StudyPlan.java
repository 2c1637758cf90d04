package org.scalelab.engine.studies;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * A scaling study as planned: a base configuration and axes whose product is the grid of cells. Read from a
 * JSON file by {@link StudyPlans}; every option is named as on the command line, in camelCase.
 *
 * @param schemaVersion    {@link StudyPlans#SCHEMA_VERSION}
 * @param name             a short title, also in the study's id
 * @param description      what the study asks, for the report's first lines
 * @param expectedDuration how long the full study takes on a 2-core machine, as the plan's author measured it
 * @param base             options every cell starts from
 * @param configurations   the cells' strategies and other options, each optionally labelled ("MPI-4P"); empty
 *                         for a single configuration, the base
 * @param batchSizes       an axis of batch sizes; empty to keep the base's
 * @param axes             further axes, each an option and the values it takes
 * @param repeats          runs of every cell, the serial baselines included
 * @param quick            options that shorten the study for {@code --quick} (fewer steps per epoch, fewer epochs)
 * @param fallback         what to train on when the base dataset is not installed, if the plan allows one
 * @param predict          cells the scaling model predicts beside those measured, if the plan asks for them
 */
public record StudyPlan(
        int schemaVersion,
        String name,
        String description,
        String expectedDuration,
        ObjectNode base,
        List<Configuration> configurations,
        List<Integer> batchSizes,
        List<Axis> axes,
        int repeats,
        ObjectNode quick,
        Optional<Fallback> fallback,
        Optional<Prediction> predict) {

    /**
     * One configuration of the grid.
     *
     * @param label   how tables and charts name it; derived from the strategy and P×T when the plan gives none
     * @param options the options it sets on top of the base
     */
    public record Configuration(String label, ObjectNode options) {
    }

    /**
     * An option swept over values.
     *
     * @param option the option's name
     * @param values its values, each as a plan file writes it
     */
    public record Axis(String option, List<String> values) {
    }

    /**
     * Real data standing in for a dataset that is not installed, with the network adapted to it.
     *
     * @param whenMissing the base dataset this replaces
     * @param options     the options that replace it: at least {@code dataset}, usually {@code model}
     * @param note        said on every page of the report: what was substituted and why
     */
    public record Fallback(String whenMissing, ObjectNode options, String note) {
    }

    /**
     * Cells predicted beside those measured ({@code "predict"} in a plan): every measured configuration again at
     * more processes (strategies that start ranks, keeping the configuration's threads) or more threads (the
     * threads strategy). Those needing more cores than this machine has are placed on hosts of
     * {@code coresPerHost} cores joined by {@code network}; the others are predicted as run here, beside what
     * was measured.
     *
     * @param procs        process counts; empty for none
     * @param threads      thread counts for the threads strategy; empty for none
     * @param coresPerHost cores of each host beyond this machine; 0 for as many as this machine has
     * @param network      between those hosts: a {@code scalelab predict --network} name
     */
    public record Prediction(List<Integer> procs, List<Integer> threads, int coresPerHost, String network) {

        public Prediction {
            procs = List.copyOf(procs);
            threads = List.copyOf(threads);
        }
    }
}
