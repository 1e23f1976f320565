package org.jconvnet.cli.options;

import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A Spark master URL ({@code train --spark}), in the forms Spark accepts: {@code local},
 * {@code local[N]}, {@code local[*]}, {@code local[N,F]}, {@code local-cluster[W,C,M]},
 * {@code spark://HOST:PORT[,HOST:PORT...]}, {@code yarn}, {@code k8s://URL}. Checked while parsing, so a
 * typo is a usage error before anything starts; whether the cluster answers is found out later.
 */
public final class SparkMasterUrl implements ITypeConverter<String> {
    private static final Pattern FORM = Pattern.compile(
            "local|local\\[(\\*|[1-9][0-9]*)(,[1-9][0-9]*)?]|local-cluster\\[[1-9][0-9]*,[1-9][0-9]*,[1-9][0-9]*]"
                    + "|spark://[^\\s/:]+:[0-9]+(,[^\\s/:]+:[0-9]+)*|yarn|k8s://\\S+");

    @Override
    public String convert(String value) {
        if (!FORM.matcher(value).matches()) {
            throw new TypeConversionException("'" + value + "' is not a Spark master URL (local[N], local[N,F], "
                    + "spark://HOST:PORT, yarn or k8s://URL)");
        }
        return value;
    }
}
