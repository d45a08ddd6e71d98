package gov.county.platform.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import gov.county.platform.EmbeddedPostgres;
import gov.county.platform.PackagedPlatform;

/**
 * The packaged platform as its own process on PostgreSQL: cards are filed concurrently, timers are
 * made due, the process is killed with SIGKILL in the middle of it, and started again. Every card
 * that got a 201 is there with its FILED entry; the jobs the dead node held are taken over once
 * their lock expires, and each reminder is recorded once; the ledger verifies.
 */
class CrashRecoveryIT {

	static final ObjectMapper JSON = new ObjectMapper();

	static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@Test
	void killedMidLoadLosesNoAcknowledgedCard(@TempDir Path logs) throws Exception {
		String url;
		try (var connection = EmbeddedPostgres.server().getPostgresDatabase().getConnection()) {
			connection.createStatement().execute("DROP DATABASE IF EXISTS crash");
			connection.createStatement().execute("CREATE DATABASE crash");
			url = EmbeddedPostgres.server().getJdbcUrl("postgres", "crash");
		}
		int port = PackagedPlatform.freePort();
		Process first = start(url, port, logs.resolve("first.log"));
		PackagedPlatform.awaitUp(port, first, logs.resolve("first.log"));

		// file cards on 6 threads; remember every one acknowledged with 201
		Set<String> acknowledged = ConcurrentHashMap.newKeySet();
		AtomicBoolean running = new AtomicBoolean(true);
		ExecutorService load = Executors.newFixedThreadPool(6);
		for (int t = 0; t < 6; t++) {
			load.submit(() -> {
				while (running.get()) {
					try {
						HttpResponse<String> answer = send(port, "POST", "/api/cards", "township-labao-clerk",
								"{\"talk\":\"PUBLIC_SERVICE\",\"kind\":\"REQUEST\",\"subject\":\"crash\","
										+ "\"content\":\"c\",\"submitterName\":\"n\",\"receivingUnit\":\"township-labao\"}");
						if (answer.statusCode() == 201) {
							acknowledged.add(JSON.readTree(answer.body()).get("caseNo").asText());
						}
					}
					catch (IOException refused) {
						// the node is down: nothing was acknowledged
					}
				}
				return null;
			});
		}
		Instant until = Instant.now().plusSeconds(60);
		while (acknowledged.size() < 60 && Instant.now().isBefore(until)) {
			Thread.sleep(100);
		}
		// make every acceptance reminder due now, so the job executor is busy when the node dies
		JsonNode timers = JSON.readTree(send(port, "GET",
				"/engine-rest/job?timers=true&activityId=BoundaryEvent_AcceptanceOverdue&maxResults=10000", "admin", null)
			.body());
		List<String> reminded = new ArrayList<>();
		for (JsonNode timer : timers) {
			send(port, "PUT", "/engine-rest/job/" + timer.get("id").asText() + "/duedate", "admin",
					"{\"duedate\":\"2000-01-01T00:00:00.000+0000\"}");
			reminded.add(timer.get("processInstanceId").asText());
		}
		first.destroyForcibly();
		first.waitFor(30, TimeUnit.SECONDS);
		running.set(false);
		load.shutdown();
		load.awaitTermination(30, TimeUnit.SECONDS);
		int filedBeforeKill = acknowledged.size();

		Process second = start(url, port, logs.resolve("second.log"));
		try {
			PackagedPlatform.awaitUp(port, second, logs.resolve("second.log"));
			for (String caseNo : acknowledged) {
				HttpResponse<String> card = send(port, "GET", "/api/cases/" + caseNo, "auditor", null);
				assertThat(card.statusCode()).as(caseNo).isEqualTo(200);
				assertThat(card.body()).as(caseNo).contains("\"event\":\"FILED\"");
			}
			// the dead node's locked jobs expire (5 s) and run here; each reminder once per card
			Instant deadline = Instant.now().plusSeconds(120);
			long due;
			do {
				Thread.sleep(1000);
				due = JSON.readTree(send(port, "GET",
						"/engine-rest/job/count?timers=true&activityId=BoundaryEvent_AcceptanceOverdue&dueDates=lt_2001-01-01T00:00:00.000%2B0000",
						"admin", null).body()).get("count").asLong();
			}
			while (due > 0 && Instant.now().isBefore(deadline));
			assertThat(due).as("reminders left undone after the restart").isZero();
			JsonNode verify = JSON.readTree(send(port, "GET", "/api/ledger/verify", "auditor", null).body());
			assertThat(verify.get("ok").asBoolean()).as(verify.toString()).isTrue();
			JsonNode inbox = JSON.readTree(send(port, "GET", "/api/notifications?size=500", "township-labao-clerk", null).body());
			List<String> reminders = new ArrayList<>();
			inbox.forEach(n -> {
				if (n.get("subject").asText().contains("待受理提醒")) {
					reminders.add(n.get("caseNo").asText());
				}
			});
			assertThat(reminders).as("each card reminded once").doesNotHaveDuplicates();
			System.out.printf("%nCrash test: %d cards acknowledged before SIGKILL, all %d present after restart; "
					+ "%d reminders made due at the kill, %d undone after restart, duplicates %d; ledger verifies%n%n",
					filedBeforeKill, acknowledged.size(), reminded.size(), due,
					reminders.size() - reminders.stream().distinct().count());
		}
		finally {
			second.destroy();
			second.waitFor(30, TimeUnit.SECONDS);
		}
	}

	private static Process start(String url, int port, Path log) throws IOException {
		return PackagedPlatform.start(port, log, "--spring.profiles.active=postgres,demo", "--DB_URL=" + url,
				"--DB_USER=postgres", "--DB_PASSWORD=", "--camunda.bpm.job-execution.lock-time-in-millis=5000",
				"--camunda.bpm.job-execution.wait-time-in-millis=500", "--spring.mail.host=");
	}

	private static HttpResponse<String> send(int port, String method, String path, String user, String body)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(30))
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (user != null) {
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
