package org.scalelab.engine.runs;

import java.util.List;

/**
 * The readable records of a run directory, and one line per file that could not be read.
 *
 * @param records  newest first
 * @param problems e.g. {@code "old.json: written by a newer ScaleLab (schema 3; this version reads up to 2)"}
 */
public record RunListing(List<RunRecord> records, List<String> problems) {

    public RunListing {
        records = List.copyOf(records);
        problems = List.copyOf(problems);
    }
}
