package org.scalelab.engine.studies;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.scalelab.engine.events.Json;
import org.scalelab.engine.io.AtomicFile;
import org.scalelab.engine.provenance.OwnerProcess;

/**
 * Study records, one JSON file each in a {@code studies} folder beside the run records of their cells. Each save
 * replaces the file atomically, so a crash leaves the previous state whole.
 */
public final class StudyStore {
    private static final String SUFFIX = ".json";
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._-]+");
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneId.systemDefault());

    private final Path directory;

    /** @param runsDirectory where the cells' run records go; studies live in its {@code studies} folder */
    public StudyStore(Path runsDirectory) {
        this.directory = runsDirectory.resolve("studies");
    }

    public Path directory() {
        return directory;
    }

    /** A new study record with every cell pending (or skipped), saved. */
    public StudyRecord create(Path planFile, JsonNode planJson, StudyPlan plan, List<StudyCell> cells, boolean quick,
                              boolean allowOversubscribe, String substitution) {
        Instant now = Instant.now();
        String id = freeId(ID_TIME.format(now) + "-" + slug(plan.name()));
        StudyRecord record = new StudyRecord(StudyRecord.SCHEMA_VERSION, id, plan.name(),
                planFile.toAbsolutePath().toString(), planJson, quick, allowOversubscribe, substitution, now.toString(),
                StudyStatus.RUNNING, OwnerProcess.current(),
                cells.stream().map(cell -> StudyRecord.Cell.of(cell, allowOversubscribe)).toList());
        return save(record);
    }

    /** @throws StudyPlanException when it cannot be written (the previous save stays whole) */
    public StudyRecord save(StudyRecord record) {
        Path target = pathOf(record.studyId());
        try {
            AtomicFile.replace(target, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(record));
            return record;
        } catch (IOException e) {
            throw new StudyPlanException("cannot save study " + record.studyId() + " to " + target + ": " + e, e);
        }
    }

    /** @throws StudyPlanException when there is no such study or its file cannot be read */
    public StudyRecord load(String studyId) {
        Path file = pathOf(studyId);
        if (!Files.exists(file)) {
            throw new StudyPlanException("no study " + studyId + " in " + directory
                    + " (see: scalelab study list --runs-dir " + directory.getParent() + ")");
        }
        return read(file);
    }

    /** Every readable study, newest first; unreadable files are named in the exception of {@link #load}. */
    public List<StudyRecord> list() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<StudyRecord> studies = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)
                    && !f.getFileName().toString().startsWith(".")).toList()) {
                try {
                    studies.add(read(file));
                } catch (StudyPlanException e) {
                    // a damaged study does not hide the others; loading it by id says what is wrong
                }
            }
        } catch (IOException e) {
            throw new StudyPlanException("cannot list " + directory + ": " + e.getMessage(), e);
        }
        studies.sort(Comparator.comparing(StudyRecord::createdAt).reversed());
        return studies;
    }

    private StudyRecord read(Path file) {
        try {
            StudyRecord record = Json.mapper().readValue(file.toFile(), StudyRecord.class);
            if (record.schemaVersion() > StudyRecord.SCHEMA_VERSION) {
                throw new StudyPlanException(file + ": written by a newer ScaleLab (schema " + record.schemaVersion() + ")");
            }
            return record;
        } catch (IOException e) {
            throw new StudyPlanException(file + ": not a readable study record (" + e.getMessage() + ")", e);
        }
    }

    private Path pathOf(String studyId) {
        if (!SAFE_ID.matcher(studyId).matches()) {
            throw new StudyPlanException("'" + studyId + "' is not a study id (letters, digits, '.', '_' and '-' only)");
        }
        return directory.resolve(studyId + SUFFIX);
    }

    private String freeId(String wanted) {
        String id = wanted;
        for (int n = 2; Files.exists(pathOf(id)); n++) {
            id = wanted + "-" + n;
        }
        return id;
    }

    private static String slug(String name) {
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return slug.isEmpty() ? "study" : slug.substring(0, Math.min(40, slug.length()));
    }
}
