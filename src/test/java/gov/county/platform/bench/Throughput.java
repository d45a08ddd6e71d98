package gov.county.platform.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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

	/** Lifecycles per second, and the client threads' CPU milliseconds per lifecycle. */
	record Rate(double perSecond, double cpuMillis) {

	}

	/** Lifecycles per second over {@code seconds}, on {@code threads} threads; every failure is fatal. */
	static Rate measure(CardDrivers.Lifecycle lifecycle, int threads, double seconds) throws Exception {
		ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		AtomicLong done = new AtomicLong();
		AtomicLong cpuNanos = new AtomicLong();
		long start = System.nanoTime();
		long end = start + (long) (seconds * 1e9);
		List<Future<?>> workers = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			workers.add(pool.submit(() -> {
				long cpu0 = cpu.getCurrentThreadCpuTime();
				while (System.nanoTime() < end) {
					lifecycle.run();
					done.incrementAndGet();
				}
				cpuNanos.addAndGet(cpu.getCurrentThreadCpuTime() - cpu0);
				return null;
			}));
		}
		for (Future<?> worker : workers) {
			worker.get();
		}
		double elapsed = (System.nanoTime() - start) / 1e9;
		pool.shutdown();
		return new Rate(done.get() / elapsed, cpuNanos.get() / 1e6 / Math.max(1, done.get()));
	}

}
