package cn.bijie.innovation.bench;

import java.util.List;

/**
 * One figure of the suite. The suite runs its list of measurements in order ({@link Bench#MEASUREMENTS}); a new one
 * (say, a function's own cost model once it lands) is a class here and a line in that list.
 */
public interface Measurement {
    /** The key of its section in results.json and of {@code --measure}. */
    String id();

    Section run(BenchContext bench) throws Exception;

    /** What a measurement found: data for results.json, tables for the console and docs/PERFORMANCE.md. */
    record Section(Object data, List<Table> tables) {
        public static Section of(Object data, Table... tables) {
            return new Section(data, List.of(tables));
        }
    }
}
