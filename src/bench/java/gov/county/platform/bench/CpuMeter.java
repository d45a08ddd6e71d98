package gov.county.platform.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Where the CPU time of a phase went outside the JVM's own samples: how busy the whole machine was,
 * and the CPU seconds of this JVM, of its JIT compiler threads and of the harness's PostgreSQL
 * server's processes (the harness runs one of its servers at a time; other builds' servers on the
 * machine are left out). Read from Linux's {@code /proc}; elsewhere only the JVM's share is known.
 */
final class CpuMeter {

	private static final Path PROC = Path.of("/proc");

	/** Linux counts process times in USER_HZ ticks: 100 a second on every architecture it runs on. */
	private static final double TICKS_PER_SECOND = 100;

	/** What the counters read at one moment; NaN where this system does not tell. */
	record Reading(double machineBusy, double machineTotal, double jvmSeconds, double compilerSeconds,
			double postgresSeconds) {

	}

	/** What happened between two readings. */
	record Use(double machineBusyShare, double jvmSeconds, double compilerSeconds, double postgresSeconds) {

		/** One line for a profile or a figure's note. */
		String describe() {
			int cpus = Runtime.getRuntime().availableProcessors();
			String machine = Double.isNaN(this.machineBusyShare) ? "machine load not measured (no /proc)"
					: String.format(Locale.ROOT, "all %d CPUs %.0f %% busy", cpus, 100 * this.machineBusyShare);
			String postgres = Double.isNaN(this.postgresSeconds) || this.postgresSeconds == 0 ? ""
					: String.format(Locale.ROOT, ", PostgreSQL server %.1f CPU-s", this.postgresSeconds);
			return machine + String.format(Locale.ROOT, "; this JVM %.1f CPU-s (its JIT compilers %.1f s)", this.jvmSeconds,
					this.compilerSeconds) + postgres;
		}

	}

	private CpuMeter() {
	}

	static Reading read() {
		double jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime() / 1e9;
		double compiler = compilerSeconds();
		try {
			// cpu  user nice system idle iowait irq softirq steal ...
			String[] cpu = Files.readAllLines(PROC.resolve("stat")).get(0).trim().split("\\s+");
			double total = 0;
			for (int i = 1; i <= 8 && i < cpu.length; i++) {
				total += Double.parseDouble(cpu[i]);
			}
			double idle = Double.parseDouble(cpu[4]) + Double.parseDouble(cpu[5]);
			return new Reading(total - idle, total, jvm, compiler, postgresTicks() / TICKS_PER_SECOND);
		}
		catch (IOException | RuntimeException ex) {
			return new Reading(Double.NaN, Double.NaN, jvm, compiler, Double.NaN);
		}
	}

	static Use between(Reading from, Reading to) {
		return new Use((to.machineBusy() - from.machineBusy()) / (to.machineTotal() - from.machineTotal()),
				to.jvmSeconds() - from.jvmSeconds(), to.compilerSeconds() - from.compilerSeconds(),
				to.postgresSeconds() - from.postgresSeconds());
	}

	/**
	 * The CPU seconds of the JVM's JIT compiler threads (Linux names them "C1 CompilerThre..." and "C2
	 * CompilerThre..."); the harness keeps them alive for the whole run
	 * ({@code -XX:-UseDynamicNumberOfCompilerThreads}), so none takes its time with it. Without
	 * {@code /proc}, the JVM's own count: the time its compilers were busy, waiting for a CPU included.
	 */
	static double compilerSeconds() {
		double ticks = 0;
		boolean found = false;
		try (Stream<Path> threads = Files.list(PROC.resolve("self").resolve("task"))) {
			for (Path thread : threads.toList()) {
				try {
					Stat stat = Stat.of(thread);
					if (stat.name().startsWith("C1 CompilerThre") || stat.name().startsWith("C2 CompilerThre")) {
						ticks += stat.ticks(false);
						found = true;
					}
				}
				catch (IOException | RuntimeException gone) {
					// a thread that ended while being read: with the flag above, no compiler thread
				}
			}
		}
		catch (IOException | RuntimeException noProc) {
			found = false;
		}
		// a JVM without HotSpot's compiler threads (or /proc) is judged by its own count
		return found ? ticks / TICKS_PER_SECOND
				: ManagementFactory.getCompilationMXBean().getTotalCompilationTime() / 1e3;
	}

	/**
	 * User and system ticks of the harness's own PostgreSQL servers (a postmaster whose command line
	 * names a folder of this run: the JVM's temporary folder, where the embedded server lives, or the
	 * working folder, where Debian's is made) and of their backends, the children that ended included.
	 * Other servers on the machine (another build's tests) are left out.
	 */
	private static double postgresTicks() throws IOException {
		List<String> ours = List.of(Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().toString(),
				Path.of("").toAbsolutePath().toString());
		Map<String, Stat> postgres = new HashMap<>();
		try (Stream<Path> processes = Files.list(PROC)) {
			for (Path process : processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
				.toList()) {
				try {
					Stat stat = Stat.of(process);
					if (stat.name().equals("postgres")) {
						postgres.put(process.getFileName().toString(), stat);
					}
				}
				catch (IOException | RuntimeException gone) {
					// the process ended while being read: its time is in its parent's children's time
				}
			}
		}
		Set<String> postmasters = new HashSet<>();
		for (String pid : postgres.keySet()) {
			if (!postgres.containsKey(postgres.get(pid).parent())) {
				try {
					String command = Files.readString(PROC.resolve(pid).resolve("cmdline")).replace('\0', ' ');
					if (ours.stream().anyMatch(command::contains)) {
						postmasters.add(pid);
					}
				}
				catch (IOException gone) {
					// ended meanwhile
				}
			}
		}
		double ticks = 0;
		for (Map.Entry<String, Stat> process : postgres.entrySet()) {
			if (postmasters.contains(process.getKey()) || postmasters.contains(process.getValue().parent())) {
				ticks += process.getValue().ticks(true);
			}
		}
		return ticks;
	}

	/** A process's or thread's {@code stat} file: its name and the fields after it. */
	private record Stat(String name, List<String> fields) {

		static Stat of(Path processOrThread) throws IOException {
			String stat = Files.readString(processOrThread.resolve("stat"));
			// pid (comm) state ppid ...: the name may hold spaces, so split after its closing parenthesis
			return new Stat(stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')),
					List.of(stat.substring(stat.lastIndexOf(')') + 2).split(" ")));
		}

		/** The parent's process id (field 1 from "state"). */
		String parent() {
			return this.fields.get(1);
		}

		/** User and system ticks (fields 11 and 12 from "state"), with its ended children's (13, 14). */
		double ticks(boolean withChildren) {
			double ticks = 0;
			for (int i = 11; i <= (withChildren ? 14 : 12); i++) {
				ticks += Double.parseDouble(this.fields.get(i));
			}
			return ticks;
		}

	}

}
