package gov.county.platform.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The figures of one benchmark run: printed as they come, written as Markdown and JSON at the end. */
final class Results {

	/** One figure: the median of its runs, with the smallest and largest. */
	record Figure(String database, String figure, String unit, double median, double min, double max, int runs,
			String note) {

		static Figure of(String database, String figure, String unit, List<Double> samples, String note) {
			List<Double> sorted = new ArrayList<>(samples);
			Collections.sort(sorted);
			int n = sorted.size();
			double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
			return new Figure(database, figure, unit, median, sorted.get(0), sorted.get(n - 1), n, note);
		}

	}

	private final List<Figure> figures = new ArrayList<>();

	private final Map<String, Object> machine = new LinkedHashMap<>();

	private final Instant started = Instant.now();

	Results() {
		this.machine.put("cpus", Runtime.getRuntime().availableProcessors());
		this.machine.put("maxHeapMb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
		this.machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
		this.machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
		this.machine.put("cpuModel", cpuModel());
		this.machine.put("jvmArguments", ManagementFactory.getRuntimeMXBean().getInputArguments());
	}

	Figure add(Figure figure) {
		this.figures.add(figure);
		System.out.println("[bench] " + row(figure));
		return figure;
	}

	void note(String key, Object value) {
		this.machine.put(key, value);
	}

	List<Figure> figures() {
		return this.figures;
	}

	double median(String database, String figure) {
		return this.figures.stream()
			.filter(f -> f.database().equals(database) && f.figure().equals(figure))
			.findFirst()
			.map(Figure::median)
			.orElse(Double.NaN);
	}

	String markdown() {
		StringBuilder out = new StringBuilder();
		out.append("| database | figure | median | min | max | unit | runs | note |\n");
		out.append("|---|---|---:|---:|---:|---|---:|---|\n");
		for (Figure f : this.figures) {
			out.append(row(f)).append('\n');
		}
		out.append("\nMachine: ")
			.append(this.machine.get("cpus"))
			.append(" CPUs (")
			.append(this.machine.get("cpuModel"))
			.append("), ")
			.append(this.machine.get("java"))
			.append(", max heap ")
			.append(this.machine.get("maxHeapMb"))
			.append(" MB. Run started ")
			.append(this.started)
			.append(", took ")
			.append(java.time.Duration.between(this.started, Instant.now()).toSeconds())
			.append(" s.\n");
		return out.toString();
	}

	void write(Path folder) throws IOException {
		Files.createDirectories(folder);
		Files.writeString(folder.resolve("results.md"), markdown());
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("started", this.started.toString());
		json.put("seconds", java.time.Duration.between(this.started, Instant.now()).toSeconds());
		json.put("machine", this.machine);
		json.put("figures", this.figures);
		new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(folder.resolve("results.json").toFile(), json);
	}

	private static String row(Figure f) {
		return String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %d | %s |", f.database(), f.figure(),
				number(f.median()), number(f.min()), number(f.max()), f.unit(), f.runs(), f.note() == null ? "" : f.note());
	}

	private static String number(double value) {
		if (Double.isNaN(value)) {
			return "–";
		}
		return Math.abs(value) >= 100 ? String.format(Locale.ROOT, "%,.0f", value)
				: String.format(Locale.ROOT, "%.2f", value);
	}

	private static String cpuModel() {
		try {
			return Files.readAllLines(Path.of("/proc/cpuinfo"))
				.stream()
				.filter(line -> line.startsWith("model name"))
				.findFirst()
				.map(line -> line.substring(line.indexOf(':') + 1).trim())
				.orElse("unknown");
		}
		catch (IOException | RuntimeException ex) {
			return "unknown";
		}
	}

}
