package org.scalelab.engine.cli;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.scalelab.engine.config.AllreduceAlgorithm;
import org.scalelab.engine.config.Scaling;
import org.scalelab.engine.config.Strategy;
import org.scalelab.engine.report.ReportFormat;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads an enum option by the constant's lower-case name ({@code --optimizer adam}), the spelling the help and
 * the JSON use. Picocli's own converter would also accept {@code ADAM} and list every constant twice when a
 * value is wrong. Picocli needs a class per option type, hence the one-line subclasses.
 */
abstract class LowerCaseEnumConverter<E extends Enum<E>> implements ITypeConverter<E> {
    private final Class<E> type;

    LowerCaseEnumConverter(Class<E> type) {
        this.type = type;
    }

    @Override
    public E convert(String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.toString().equals(value)) {
                return constant;
            }
        }
        throw new TypeConversionException("expected one of " + Arrays.stream(type.getEnumConstants())
                .map(Object::toString).collect(Collectors.joining(", ")) + " but was '" + value + "'");
    }

    static final class StrategyConverter extends LowerCaseEnumConverter<Strategy> {
        StrategyConverter() {
            super(Strategy.class);
        }
    }

    static final class AllreduceConverter extends LowerCaseEnumConverter<AllreduceAlgorithm> {
        AllreduceConverter() {
            super(AllreduceAlgorithm.class);
        }
    }

    static final class ScalingConverter extends LowerCaseEnumConverter<Scaling> {
        ScalingConverter() {
            super(Scaling.class);
        }
    }

    static final class ReportFormatConverter extends LowerCaseEnumConverter<ReportFormat> {
        ReportFormatConverter() {
            super(ReportFormat.class);
        }
    }
}
