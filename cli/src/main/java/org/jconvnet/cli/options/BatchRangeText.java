package org.jconvnet.cli.options;

import org.jconvnet.api.JConvNetException;
import org.jconvnet.train.data.BatchRange;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --train-range} / {@code --test-range}: a batch range as cuda-convnet writes it
 * ({@code 1-5}, {@code 6}). Kept as text (the checkpoint saves it so); whether the data holds
 * those batches is checked when the data is opened, still before anything starts.
 */
public final class BatchRangeText implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
        try {
            BatchRange.parse("range", value);
            return value.trim();
        } catch (JConvNetException e) {
            String m = e.getMessage();
            throw new TypeConversionException(m.startsWith("range=") ? m.substring(m.indexOf(':') + 2)
                    : m.startsWith("range: ") ? m.substring(7) : m);
        }
    }
}
