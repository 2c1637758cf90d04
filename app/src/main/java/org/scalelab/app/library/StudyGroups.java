package org.scalelab.app.library;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.scalelab.engine.runs.RunRecord;
import org.scalelab.engine.studies.StudyRecord;
import org.scalelab.engine.studies.StudyRunner;
import org.scalelab.engine.studies.StudyStore;

/**
 * Which saved runs are cells of which study, so the library keeps a study's runs together, in the order the study
 * ran them, where its newest run falls, and names the study beside each.
 */
final class StudyGroups {
    private final Map<String, StudyRecord> studies;

    private StudyGroups(Map<String, StudyRecord> studies) {
        this.studies = studies;
    }

    /** The studies beside the run records of {@code runsDirectory}; none when there are none. */
    static StudyGroups in(Path runsDirectory) {
        Map<String, StudyRecord> byId = new LinkedHashMap<>();
        new StudyStore(runsDirectory).list().forEach(study -> byId.put(study.studyId(), study));
        return new StudyGroups(byId);
    }

    /** The study's name, or empty for a run of its own. */
    String nameOf(RunRecord record) {
        return studyOf(record).map(StudyRecord::name).orElse("");
    }

    /** Newest first as given, except that a study's runs follow each other in the study's order. */
    List<RunRecord> grouped(List<RunRecord> newestFirst) {
        Map<String, RunRecord> byRunId = new LinkedHashMap<>();
        newestFirst.forEach(record -> byRunId.put(record.runId(), record));
        List<RunRecord> ordered = new ArrayList<>();
        Set<String> placedStudies = new HashSet<>();
        Set<String> placedRuns = new HashSet<>();
        for (RunRecord record : newestFirst) {
            Optional<StudyRecord> study = studyOf(record);
            if (study.isPresent() && placedStudies.add(study.get().studyId())) {
                study.get().cells().stream().map(StudyRecord.Cell::runId).filter(Objects::nonNull)
                        .map(byRunId::get).filter(Objects::nonNull)
                        .filter(cell -> placedRuns.add(cell.runId())).forEach(ordered::add);
            }
            if (placedRuns.add(record.runId())) {
                ordered.add(record);
            }
        }
        return ordered;
    }

    private Optional<StudyRecord> studyOf(RunRecord record) {
        return record.tags().stream().filter(tag -> tag.startsWith(StudyRunner.STUDY_TAG))
                .map(tag -> studies.get(tag.substring(StudyRunner.STUDY_TAG.length()))).filter(Objects::nonNull)
                .findFirst();
    }
}
