package gov.county.platform.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the CPU of each measured phase goes: a Java Flight Recorder recording (stack samples of
 * the threads running Java code, every 10 ms, nothing else) over the whole run, cut into the
 * phases the harness measured. For each phase it names the layer that spent the samples (the first
 * frame outside the JDK: H2, the PostgreSQL driver, MyBatis, the Camunda engine, the platform's own
 * code...), the share of samples with platform code anywhere on the stack, and the hottest methods.
 * Written as {@code profile.md} next to the results, with the recording itself ({@code profile.jfr},
 * for JDK Mission Control). Time spent in the PostgreSQL server is not in a JVM profile: each phase
 * also says how busy the machine's CPUs were and how many CPU seconds this JVM and the server spent
 * ({@link CpuMeter}), and the harness adds the server's query plans ({@link #note}).
 */
final class Profiles {

	private static final int HOT_METHODS = 8;

	private record Phase(String name, Instant from, Instant to, CpuMeter.Use cpu) {

	}

	private final Recording recording;

	private final List<Phase> phases = new ArrayList<>();

	private final List<String> notes = new ArrayList<>();

	private Profiles(Recording recording) {
		this.recording = recording;
	}

	static Profiles start() throws Exception {
		// stack samples only, so the profile costs the figures next to nothing
		Recording recording = new Recording();
		recording.setName("bench");
		recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10)).withStackTrace();
		recording.start();
		return new Profiles(recording);
	}

	/** Runs {@code work} as the phase {@code name} of the profile. */
	<T> T phase(String name, Callable<T> work) throws Exception {
		Instant from = Instant.now();
		CpuMeter.Reading cpu = CpuMeter.read();
		try {
			return work.call();
		}
		finally {
			this.phases.add(new Phase(name, from, Instant.now(), CpuMeter.between(cpu, CpuMeter.read())));
		}
	}

	/** The CPU the phase that ended last used: how busy the machine was, and who spent it. */
	CpuMeter.Use lastCpu() {
		return this.phases.get(this.phases.size() - 1).cpu();
	}

	/** A text the profile shows as it is (a query plan of the database server, say). */
	void note(String title, String text) {
		this.notes.add("### " + title + "\n\n```\n" + text.stripTrailing() + "\n```\n");
	}

	/** Stops recording and writes {@code profile.jfr} and {@code profile.md} into {@code folder}. */
	void write(Path folder) throws IOException {
		Files.createDirectories(folder);
		Path jfr = folder.resolve("profile.jfr");
		this.recording.stop();
		this.recording.dump(jfr);
		this.recording.close();
		List<Sample> samples = new ArrayList<>();
		for (RecordedEvent event : RecordingFile.readAllEvents(jfr)) {
			if (event.getEventType().getName().equals("jdk.ExecutionSample") && event.getStackTrace() != null) {
				samples.add(Sample.of(event.getStartTime(), event.getStackTrace()));
			}
		}
		StringBuilder out = new StringBuilder("# Where the CPU goes, phase by phase\n\n"
				+ "Java Flight Recorder stack samples (every 10 ms, of threads running Java code) of the benchmark JVM: the "
				+ "platform, its engine and job executor, and the harness's client threads. \"Layer\" is the first "
				+ "frame outside the JDK; \"platform code on the stack\" counts samples with any "
				+ "`gov.county.platform` frame other than the harness's own. The recording is `profile.jfr`.\n\n");
		for (Phase phase : this.phases) {
			List<Sample> in = samples.stream()
				.filter(s -> !s.at().isBefore(phase.from()) && s.at().isBefore(phase.to()))
				.toList();
			double seconds = Duration.between(phase.from(), phase.to()).toMillis() / 1000.0;
			out.append("## ").append(phase.name()).append("\n\n");
			out.append(phase.cpu().describe()).append(".\n\n");
			// not a CPU figure: the JDK samples a few threads per tick and skips threads in native code
			out.append(String.format(Locale.ROOT, "%,d samples in %.1f s", in.size(), seconds));
			if (in.isEmpty()) {
				out.append("\n\n");
				continue;
			}
			long platform = in.stream().filter(Sample::platformOnStack).count();
			out.append(String.format(Locale.ROOT, "; platform code on the stack: %.0f %%%n%n", 100.0 * platform / in.size()));
			out.append("| layer | share |\n|---|---:|\n");
			share(in, Sample::layer).forEach(row -> out.append(row).append('\n'));
			out.append("\n| hottest methods (self) | share |\n|---|---:|\n");
			share(in, Sample::method).stream().limit(HOT_METHODS).forEach(row -> out.append(row).append('\n'));
			out.append('\n');
		}
		this.notes.forEach(note -> out.append(note).append('\n'));
		Files.writeString(folder.resolve("profile.md"), out.toString());
	}

	private static List<String> share(List<Sample> samples, Function<Sample, String> key) {
		Map<String, Long> counts = samples.stream().collect(Collectors.groupingBy(key, HashMap::new, Collectors.counting()));
		return counts.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
			.map(e -> String.format(Locale.ROOT, "| %s | %.1f %% |", e.getKey(), 100.0 * e.getValue() / samples.size()))
			.toList();
	}

	private record Sample(Instant at, String layer, String method, boolean platformOnStack) {

		private static final Set<String> JDK = Set.of("java.", "javax.", "jdk.", "sun.", "com.sun.");

		private record Layer(String prefix, String name) {
		}

		/** Most specific prefix first. */
		private static final List<Layer> LAYERS = List.of(new Layer("org.h2.", "H2"),
				new Layer("org.postgresql.", "PostgreSQL JDBC driver"), new Layer("org.apache.ibatis.", "MyBatis"),
				new Layer("org.camunda.bpm.dmn.", "DMN engine"), new Layer("org.camunda.feel.", "DMN engine"),
				new Layer("org.camunda.", "Camunda engine"), new Layer("gov.county.platform.bench.", "benchmark harness"),
				new Layer("gov.county.platform.", "platform code"), new Layer("com.zaxxer.", "connection pool"),
				new Layer("org.springframework.", "Spring, Tomcat, Jackson"),
				new Layer("org.apache.", "Spring, Tomcat, Jackson"), new Layer("com.fasterxml.", "Spring, Tomcat, Jackson"));

		static Sample of(Instant at, RecordedStackTrace stack) {
			List<RecordedFrame> frames = stack.getFrames();
			String method = frames.isEmpty() ? "(no frame)" : name(frames.get(0));
			String layer = null;
			boolean platform = false;
			for (RecordedFrame frame : frames) {
				String type = frame.getMethod().getType().getName();
				if (layer == null && JDK.stream().noneMatch(type::startsWith)) {
					layer = layer(type);
				}
				if (type.startsWith("gov.county.platform.") && !type.startsWith("gov.county.platform.bench.")) {
					platform = true;
				}
			}
			return new Sample(at, layer == null ? "JDK only" : layer, method, platform);
		}

		private static String name(RecordedFrame frame) {
			String type = frame.getMethod().getType().getName();
			return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
		}

		/** The layer of a class: the first prefix that matches names it; others by their first two name parts. */
		private static String layer(String type) {
			return LAYERS.stream()
				.filter(layer -> type.startsWith(layer.prefix()))
				.map(Layer::name)
				.findFirst()
				.orElseGet(() -> type.substring(0, Math.max(type.indexOf('.', type.indexOf('.') + 1), 0)) + ".*");
		}

	}

}
