package org.scalelab.engine.training;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.BufferedInputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.scalelab.engine.config.OptionValues;
import org.scalelab.engine.config.TrainingConfig;
import org.scalelab.engine.config.TrainingOption;
import org.scalelab.engine.config.TrainingOptions;
import org.scalelab.engine.events.Json;
import org.scalelab.engine.io.AtomicFile;

/**
 * A run's state after an epoch, in one file beside its record, from which the run can go on exactly as if it
 * had not stopped: the magic {@code SLC1}, the run's configuration as JSON, the epoch, then the training state:
 * worker 0's parameters, optimiser state and layers' running state ({@link Worker#saveState}), or a pipeline's stages'
 * each in turn ({@link PipelineStage#checkpoint}), for each holds its own layers. Everything random
 * (epoch order, augmentation) is derived from the seed and the epoch, so the epoch is all its randomness needs.
 * Replaced whole ({@link AtomicFile}: temporary file, forced, renamed): a crash while writing leaves the
 * previous checkpoint, and the next write removes the temporary file the crash left.
 *
 * @param config the configuration of the run that wrote it
 * @param epoch  the epochs it has completed
 */
public record Checkpoint(TrainingConfig config, int epoch) {
    private static final int MAGIC = 0x53_4C_43_31; // "SLC1"

    /** The options that may differ between a checkpoint and the run that resumes from it. */
    private static final List<TrainingOption<?>> MAY_CHANGE = List.of(TrainingOptions.EPOCHS,
            TrainingOptions.CHECKPOINT_EVERY, TrainingOptions.RESTART_ON_FAILURE, TrainingOptions.MIN_PROCS,
            TrainingOptions.INJECT_FAULT, TrainingOptions.RANK_TIMEOUT);

    /** Writes the training state that follows a checkpoint's header. */
    @FunctionalInterface
    public interface StateWriter {
        void write(DataOutput out) throws IOException;
    }

    /** Reads back what a {@link StateWriter} wrote, after {@code completedEpochs}. */
    @FunctionalInterface
    public interface StateReader {
        void read(DataInput in, int completedEpochs) throws IOException;
    }

    /**
     * Writes worker 0's state after {@code epoch}.
     *
     * @throws CheckpointException in one line naming the file and the cause (a full disk); the previous
     *                             checkpoint, if any, is left as it was
     */
    public static void write(Path file, TrainingConfig config, int epoch, Worker worker) {
        write(file, config, epoch, worker::saveState);
    }

    /**
     * Writes {@code state} after {@code epoch}.
     *
     * @throws CheckpointException as {@link #write(Path, TrainingConfig, int, Worker)}
     */
    static void write(Path file, TrainingConfig config, int epoch, StateWriter state) {
        try {
            // Worker 0 of rank 0 is this checkpoint's one writer: what an earlier one killed while writing left
            // (relaunched after a failure) can go.
            AtomicFile.removeLeftovers(file);
            AtomicFile.replaceStreaming(file, stream -> {
                DataOutputStream out = new DataOutputStream(stream);
                out.writeInt(MAGIC);
                byte[] json = Json.mapper().writeValueAsBytes(config);
                out.writeInt(json.length);
                out.write(json);
                out.writeInt(epoch);
                state.write(out);
                out.close();
            });
        } catch (IOException e) {
            throw new CheckpointException("cannot write the checkpoint of epoch " + epoch + " to " + file + ": "
                    + reason(e) + "; the run record is kept", e);
        }
    }

    /**
     * Reads the configuration and epoch of a checkpoint.
     *
     * @throws CheckpointException naming the file when there is none or it is not a checkpoint
     */
    public static Checkpoint read(Path file) {
        try (DataInputStream in = open(file)) {
            return header(file, in);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    /**
     * Puts the checkpoint's state into {@code worker}, which then trains on from the epoch after it.
     *
     * @throws CheckpointException naming the file when it cannot be read or is of another network
     */
    public static void restore(Path file, Worker worker) {
        restore(file, worker::restoreState);
    }

    /** Reads the checkpoint's state into {@code state}, as {@link #restore(Path, Worker)}. */
    static void restore(Path file, StateReader state) {
        try (DataInputStream in = open(file)) {
            Checkpoint checkpoint = header(file, in);
            state.read(in, checkpoint.epoch());
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    /**
     * Whether a run of {@code other} can go on from this checkpoint: the same configuration but for the number
     * of epochs and the checkpoint and fault settings.
     */
    public boolean fits(TrainingConfig other) {
        return comparable(config).equals(comparable(other));
    }

    /** The options that differ, as {@code --name} words for a message. */
    public String differencesFrom(TrainingConfig other) {
        TrainingConfig mine = comparable(config);
        TrainingConfig theirs = comparable(other);
        return String.join(", ", TrainingOptions.ALL.stream()
                .filter(option -> !Objects.equals(option.valueIn(mine), option.valueIn(theirs)))
                .map(option -> option.cliName() + " " + option.textIn(mine) + " (not " + option.textIn(theirs) + ")")
                .toList());
    }

    private static TrainingConfig comparable(TrainingConfig config) {
        OptionValues values = OptionValues.of(config);
        MAY_CHANGE.forEach(values::reset);
        return values.build();
    }

    private static DataInputStream open(Path file) throws IOException {
        InputStream stream = Files.newInputStream(file);
        return new DataInputStream(new BufferedInputStream(stream, 1 << 16));
    }

    private static Checkpoint header(Path file, DataInputStream in) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new IOException("not a ScaleLab checkpoint (expected the magic SLC1)");
        }
        int length = in.readInt();
        if (length < 2 || length > 1 << 20) {
            throw new IOException("damaged (its configuration is " + length + " bytes long)");
        }
        byte[] json = new byte[length];
        in.readFully(json);
        TrainingConfig config;
        try {
            config = Json.mapper().readValue(new String(json, StandardCharsets.UTF_8), TrainingConfig.class);
        } catch (JsonProcessingException e) {
            throw new IOException("damaged (its configuration is not readable: " + e.getOriginalMessage() + ")");
        }
        return new Checkpoint(config, in.readInt());
    }

    private static CheckpointException unreadable(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new CheckpointException("no checkpoint at " + file, e);
        }
        String why = e instanceof EOFException ? "cut short (written by a run that was stopped while saving?)" : reason(e);
        return new CheckpointException("cannot read the checkpoint " + file + ": " + why, e);
    }

    private static String reason(IOException e) {
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
