package org.scalelab.engine.cli;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.scalelab.engine.report.TableFormat;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --format md}: a table format named by its file extension, as the files it writes are. */
final class TableFormatConverter implements ITypeConverter<TableFormat> {

    @Override
    public TableFormat convert(String value) {
        return TableFormat.byExtension(value).orElseThrow(() -> new TypeConversionException("expected one of "
                + Arrays.stream(TableFormat.values()).map(TableFormat::extension).collect(Collectors.joining(", "))
                + " but was '" + value + "'"));
    }
}
