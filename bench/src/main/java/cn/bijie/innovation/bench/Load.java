package cn.bijie.innovation.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Closed-loop load: {@code concurrency} workers, each sending its next request as soon as the last one answered. */
public final class Load {
    /** One request of worker {@code worker} ({@code 0..concurrency-1}), its {@code n}th; returns the HTTP status. */
    @FunctionalInterface
    public interface Request {
        int send(int worker, int n) throws Exception;
    }

    /** Latencies in ms and statuses of everything sent within the measured window. */
    public record Result(List<Double> latenciesMs, Map<Integer, Integer> statuses, double seconds) {
        public Map<String, Object> summary() {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("requests", latenciesMs.size());
            summary.put("perSecond", Stats.round(latenciesMs.size() / seconds, 1));
            summary.put("p50Ms", Stats.round(Stats.median(latenciesMs), 2));
            summary.put("p99Ms", Stats.round(Stats.percentile(latenciesMs, 99), 2));
            summary.put("maxMs", Stats.round(Stats.percentile(latenciesMs, 100), 2));
            summary.put("statuses", statuses);
            return summary;
        }
    }

    private Load() {}

    /** Runs {@code warmupSeconds} unmeasured, then {@code seconds} measured. */
    public static Result drive(int concurrency, double warmupSeconds, double seconds, Request request)
            throws Exception {
        ExecutorService workers = Executors.newFixedThreadPool(concurrency);
        try {
            long start = System.nanoTime();
            long measureFrom = start + (long) (warmupSeconds * 1e9);
            long end = measureFrom + (long) (seconds * 1e9);
            List<Future<List<double[]>>> futures = new ArrayList<>();
            for (int w = 0; w < concurrency; w++) {
                int worker = w;
                futures.add(workers.submit(() -> {
                    List<double[]> samples = new ArrayList<>();
                    for (int n = 0; System.nanoTime() < end; n++) {
                        long before = System.nanoTime();
                        int status = request.send(worker, n);
                        if (before >= measureFrom) {
                            samples.add(new double[] {(System.nanoTime() - before) / 1e6, status});
                        }
                    }
                    return samples;
                }));
            }
            List<Double> latencies = new ArrayList<>();
            Map<Integer, Integer> statuses = new TreeMap<>();
            for (Future<List<double[]>> future : futures) {
                for (double[] sample : future.get()) {
                    latencies.add(sample[0]);
                    statuses.merge((int) sample[1], 1, Integer::sum);
                }
            }
            return new Result(latencies, statuses, seconds);
        } finally {
            workers.shutdownNow();
        }
    }
}
