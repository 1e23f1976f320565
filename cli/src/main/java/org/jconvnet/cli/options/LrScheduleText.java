package org.jconvnet.cli.options;

import org.jconvnet.train.solver.LrSchedule;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --lr-schedule}: a learning-rate schedule ({@code 120:0.1,130:0.01} or {@code none}), its
 * form checked while parsing (whole epochs in increasing order, factors above 0). Kept as its
 * canonical text, as the checkpoint saves it; whether its epochs fit {@code --epochs} is checked
 * when the run is resolved, still before anything starts.
 */
public final class LrScheduleText implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
        try {
            return LrSchedule.parse(value).text();
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("'" + value + "': " + e.getMessage());
        }
    }
}
