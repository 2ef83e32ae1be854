package org.bftswarm.orchestrator.spec;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How a data job's shard results fold into its result, in shard order, the same on every replica:
 * {@value #SUM}, {@value #MIN} and {@value #MAX} read each shard's output as a decimal number (surrounding
 * white space ignored) and give a number; {@value #CONCAT} gives a WebAssembly job's shard values as a
 * list and joins a container job's outputs into one text; {@value #NONE} gives no result (the shards'
 * own results stand); any other name is an exported function of the job's module taking two values,
 * folded left from shard 0. A result is JSON text; a shard output that is not a number is an error
 * naming the shard.
 */
public final class ShardReduce {
    public static final String SUM = "sum";
    public static final String MIN = "min";
    public static final String MAX = "max";
    public static final String CONCAT = "concat";
    public static final String NONE = "none";
    public static final Set<String> BUILT_IN = Set.of(SUM, MIN, MAX, CONCAT, NONE);

    /** A name an exported function can have (the WebAssembly text format's identifier characters). */
    static final Pattern FUNCTION_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.$-]{0,127}");

    /** Applies a module's two-argument export; thrown errors become the reduction's error. */
    @FunctionalInterface
    public interface Fold {
        long apply(long accumulated, long next);
    }

    /** The outcome: {@code json} (null for {@value #NONE}) or an {@code error}. */
    public record Result(String json, String error) {
        static Result of(String json) {
            return new Result(json, null);
        }

        static Result failed(String error) {
            return new Result(null, error);
        }
    }

    private ShardReduce() {}

    /** Whether {@code reduce} names a module function rather than a built-in. */
    public static boolean isFunction(String reduce) {
        return reduce != null && !BUILT_IN.contains(reduce);
    }

    /**
     * Folds {@code outputs} (shard index order; at least one) by {@code reduce}; {@code indexes} name the
     * shards in messages; {@code fold} applies a module function (unused for built-ins).
     */
    public static Result reduce(String reduce, boolean wasm, List<Integer> indexes, List<String> outputs, Fold fold) {
        if (NONE.equals(reduce)) {
            return Result.of(null);
        }
        if (CONCAT.equals(reduce)) {
            if (!wasm) {
                return Result.of(quote(String.join("", outputs)));
            }
            List<String> values = new ArrayList<>();
            for (int i = 0; i < outputs.size(); i++) {
                BigDecimal v = number(outputs.get(i));
                if (v == null) {
                    return notANumber(indexes.get(i), outputs.get(i));
                }
                values.add(v.toPlainString());
            }
            return Result.of("[" + String.join(",", values) + "]");
        }
        BigDecimal acc = null;
        for (int i = 0; i < outputs.size(); i++) {
            BigDecimal v = number(outputs.get(i));
            if (v == null) {
                return notANumber(indexes.get(i), outputs.get(i));
            }
            if (acc == null) {
                acc = v;
            } else {
                try {
                    acc = combine(reduce, acc, v, fold);
                } catch (ArithmeticException | IllegalStateException e) {
                    return Result.failed("reduce " + reduce + " at shard " + indexes.get(i) + ": " + e.getMessage());
                }
            }
        }
        return acc == null ? Result.failed("no shard results") : Result.of(acc.toPlainString());
    }

    private static BigDecimal combine(String reduce, BigDecimal acc, BigDecimal v, Fold fold) {
        switch (reduce) {
            case SUM:
                return acc.add(v);
            case MIN:
                return acc.min(v);
            case MAX:
                return acc.max(v);
            default:
                return BigDecimal.valueOf(fold.apply(acc.longValueExact(), v.longValueExact()));
        }
    }

    private static Result notANumber(int shard, String output) {
        String shown = output.length() <= 40 ? output : output.substring(0, 40) + "...";
        return Result.failed("shard " + shard + "'s output \"" + shown.strip() + "\" is not a number");
    }

    /** The output as a decimal number, or null. */
    static BigDecimal number(String output) {
        String s = output == null ? "" : output.strip();
        if (s.isEmpty() || s.length() > 400) {
            return null;
        }
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String quote(String text) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
    }
}
