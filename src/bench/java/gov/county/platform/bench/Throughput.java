package gov.county.platform.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
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

	/** The seconds over which the warm-up judges the compilers quiet. */
	static final int QUIET_WINDOW = 5;

	/** How long a warm-up ran, and the share of a CPU the JIT compilers took in its last seconds. */
	record WarmUp(double seconds, double compilingShare) {

	}

	/**
	 * Runs the lifecycle on 2 threads, a second at a time, until the JIT compilers are quiet: until
	 * they spent less than {@code quiet} of a CPU compiling over the last {@value #QUIET_WINDOW}
	 * seconds, after at least {@code minSeconds} and at most {@code maxSeconds}. Measuring while the
	 * compilers still work (with a fixed 4-second warm-up they took most of a CPU for minutes of
	 * platform cards) counts a half-compiled JVM; they work in bursts, so one quiet second is not enough.
	 */
	static WarmUp warmUp(CardDrivers.Lifecycle lifecycle, double minSeconds, double maxSeconds, double quiet)
			throws Exception {
		long start = System.nanoTime();
		Deque<double[]> window = new ArrayDeque<>();
		while (true) {
			double compiled = CpuMeter.compilerSeconds();
			long t0 = System.nanoTime();
			measure(lifecycle, 2, 1.0);
			window.addLast(new double[] { CpuMeter.compilerSeconds() - compiled, (System.nanoTime() - t0) / 1e9 });
			if (window.size() > QUIET_WINDOW) {
				window.removeFirst();
			}
			double share = window.stream().mapToDouble(slice -> slice[0]).sum()
					/ window.stream().mapToDouble(slice -> slice[1]).sum();
			double elapsed = (System.nanoTime() - start) / 1e9;
			if ((elapsed >= minSeconds && window.size() == QUIET_WINDOW && share < quiet) || elapsed >= maxSeconds) {
				return new WarmUp(elapsed, share);
			}
		}
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
