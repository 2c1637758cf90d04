package org.scalelab.engine.cli;

import org.scalelab.engine.config.ConfigException;
import org.scalelab.engine.config.GradientCompression;
import org.scalelab.engine.config.TrainingOptions;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --compress} outside {@code train} as {@code train} reads it, through the training option's own type. */
final class CompressionConverter implements ITypeConverter<GradientCompression> {
    @Override
    public GradientCompression convert(String value) {
        try {
            return TrainingOptions.COMPRESS.type().parse(TrainingOptions.COMPRESS.key(), value);
        } catch (ConfigException e) {
            throw new TypeConversionException(e.messageFor("").strip());
        }
    }
}
