package dev.tango.gateway.ui.client;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.stream.Collectors;

/** Chart data as the pages write it into {@code data-*} attributes: values joined by {@code |}, none as empty. */
public final class Charts {

    private Charts() {}

    /** Milliseconds as minutes with one decimal, half up; empty for none. */
    public static String minutes(Long millis) {
        return millis == null
                ? ""
                : BigDecimal.valueOf(millis)
                        .divide(BigDecimal.valueOf(60_000), 1, RoundingMode.HALF_UP)
                        .toPlainString();
    }

    public static String join(List<?> values) {
        return values.stream().map(v -> v == null ? "" : v.toString()).collect(Collectors.joining("|"));
    }
}
