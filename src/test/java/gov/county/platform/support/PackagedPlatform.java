package gov.county.platform.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The packaged jar ({@code -Dapp.jar}, set by failsafe) started as its own process, as an operator would. */
public final class PackagedPlatform {

	private PackagedPlatform() {
	}

	/** Starts {@code java -jar} on {@code port} with {@code args}, writing its output to {@code log}. */
	public static Process start(int port, Path log, String... args) throws IOException {
		Path beside = log.toAbsolutePath().getParent();
		List<String> command = new ArrayList<>(List.of("java", "-jar", System.getProperty("app.jar"),
				"--server.port=" + port, "--PLATFORM_LOG_DIR=" + beside.resolve("platform-logs"),
				"--PLATFORM_LEDGER_KEY_FILE=" + beside.resolve("ledger.keys"),
				"--PLATFORM_LEDGER_CHECKPOINT_DIR=" + beside.resolve("ledger-checkpoints")));
		command.addAll(List.of(args));
		return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
	}

	/** Waits until {@code /api/public/status} says UP; fails with the log when the process ends or hangs. */
	public static void awaitUp(int port, Process process, Path log) throws Exception {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		Instant deadline = Instant.now().plus(Duration.ofSeconds(150));
		while (Instant.now().isBefore(deadline)) {
			if (!process.isAlive()) {
				throw new AssertionError("the platform ended: " + Files.readString(log, StandardCharsets.UTF_8));
			}
			try {
				HttpResponse<String> status = http.send(
						HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/public/status")).build(),
						HttpResponse.BodyHandlers.ofString());
				if (status.body().contains("UP")) {
					return;
				}
			}
			catch (IOException notYet) {
				// still starting
			}
			Thread.sleep(500);
		}
		throw new AssertionError("the platform did not come up: " + Files.readString(log, StandardCharsets.UTF_8));
	}

	public static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
