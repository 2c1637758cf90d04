package org.scalelab.engine.parallel.launch;

import java.nio.file.Path;
import org.scalelab.engine.config.ConfigException;
import org.scalelab.engine.config.TrainingOptions;

/**
 * A hosts file that cannot be used: missing, unreadable, or a line that is not {@code HOST [SLOTS]} naming a host
 * that resolves. A configuration error of {@code --hosts}, found before anything starts; the message names the
 * file, the line and what is wrong.
 */
public class HostFileException extends ConfigException {
    private static final long serialVersionUID = 1L;

    HostFileException(Path file, String problem) {
        super(TrainingOptions.HOSTS.key(), file, problem);
    }
}
