package gov.county.platform.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/** Runs a lifecycle on a number of client threads for a fixed time and counts what completed. */
final class Throughput {

	private Throughput() {
	}

	/** Lifecycles per second over {@code seconds}, on {@code threads} threads; every failure is fatal. */
	static double measure(CardDrivers.Lifecycle lifecycle, int threads, double seconds) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		AtomicLong done = new AtomicLong();
		long start = System.nanoTime();
		long end = start + (long) (seconds * 1e9);
		List<Future<?>> workers = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			workers.add(pool.submit(() -> {
				while (System.nanoTime() < end) {
					lifecycle.run();
					done.incrementAndGet();
				}
				return null;
			}));
		}
		for (Future<?> worker : workers) {
			worker.get();
		}
		double elapsed = (System.nanoTime() - start) / 1e9;
		pool.shutdown();
		return done.get() / elapsed;
	}

}
