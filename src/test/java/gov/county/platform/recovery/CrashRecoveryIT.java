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
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import gov.county.platform.support.EmbeddedPostgres;
import gov.county.platform.support.PackagedPlatform;
import gov.county.platform.database.DsyncFilePath;

/**
 * The packaged platform as its own process, on PostgreSQL and on the embedded H2 as shipped, mailing to a real SMTP server (GreenMail)
 * in this JVM: cards are filed concurrently, half of them rejected at once (the submitter is
 * e-mailed why), the other half's acceptance reminders are made due (their unit's members are
 * e-mailed), the process is killed with SIGKILL while those e-mails go out, and started again.
 * Every card that got a 201 is there with its FILED entry; the jobs the dead node held are taken
 * over once their lock expires, and each reminder is recorded once; the ledger verifies. Every
 * e-mail the outbox holds is SENT and arrived, and nobody got two different messages for one
 * notification: a re-send after the crash carries the Message-ID of the first.
 */
class CrashRecoveryIT {

	static final ObjectMapper JSON = new ObjectMapper();

	static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private GreenMail smtp;

	@AfterEach
	void stopMailServer() {
		if (this.smtp != null) {
			this.smtp.stop();
		}
	}

	/** Where the platform keeps its data, and how this test reads the platform's outbox. */
	interface Store {

		/** The arguments that put the platform on this store. */
		List<String> arguments();

		/** Whether this test may read the outbox while the platform runs (else only while it is down). */
		boolean readsWhileRunning();

		JdbcTemplate outbox();

	}

	/** PostgreSQL: a database of the embedded server, read by this test at any time. */
	static Store postgres() throws Exception {
		try (var connection = EmbeddedPostgres.server().getPostgresDatabase().getConnection()) {
			connection.createStatement().execute("DROP DATABASE IF EXISTS crash");
			connection.createStatement().execute("CREATE DATABASE crash");
		}
		String url = EmbeddedPostgres.server().getJdbcUrl("postgres", "crash");
		JdbcTemplate outbox = new JdbcTemplate(EmbeddedPostgres.server().getDatabase("postgres", "crash"));
		return new Store() {
			@Override
			public List<String> arguments() {
				return List.of("--spring.profiles.active=postgres,demo", "--DB_URL=" + url, "--DB_USER=postgres",
						"--DB_PASSWORD=");
			}

			@Override
			public boolean readsWhileRunning() {
				return true;
			}

			@Override
			public JdbcTemplate outbox() {
				return outbox;
			}
		};
	}

	/**
	 * The embedded H2 as shipped, in a folder of its own, which only the platform opens while it runs:
	 * this test opens its file while the platform is down.
	 */
	static Store h2(Path dataDir) {
		DsyncFilePath.register();
		String file = "jdbc:h2:dsync:" + dataDir.resolve("platform").toAbsolutePath();
		return new Store() {
			@Override
			public List<String> arguments() {
				return List.of("--spring.profiles.active=demo", "--platform.data-dir=" + dataDir);
			}

			@Override
			public boolean readsWhileRunning() {
				return false;
			}

			@Override
			public JdbcTemplate outbox() {
				return new JdbcTemplate(new DriverManagerDataSource(file, "sa", ""));
			}
		};
	}

	@ParameterizedTest(name = "on {0}")
	@ValueSource(strings = { "PostgreSQL", "H2" })
	void killedMidLoadLosesNoAcknowledgedCardNorEmail(String database, @TempDir Path logs) throws Exception {
		Store store = database.equals("H2") ? h2(logs.resolve("data")) : postgres();
		int port = PackagedPlatform.freePort();
		this.smtp = new GreenMail(new ServerSetup(PackagedPlatform.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
			.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
		this.smtp.start();
		Process first = start(store, port, logs.resolve("first.log"));
		PackagedPlatform.awaitUp(port, first, logs.resolve("first.log"));

		// file cards on 6 threads; remember every one acknowledged with 201. Threads 0-2 reject their
		// cards at once, as the receiving unit's clerk: each acknowledged rejection e-mails its submitter.
		Set<String> acknowledged = ConcurrentHashMap.newKeySet();
		Map<String, String> rejected = new ConcurrentHashMap<>();
		Map<String, String> notRejected = new ConcurrentHashMap<>();
		AtomicBoolean running = new AtomicBoolean(true);
		ExecutorService load = Executors.newFixedThreadPool(6);
		for (int t = 0; t < 6; t++) {
			boolean rejecting = t < 3;
			int thread = t;
			load.submit(() -> {
				for (int n = 0; running.get(); n++) {
					try {
						String contact = "submitter-" + thread + "-" + n + "@example.org";
						HttpResponse<String> answer = send(port, "POST", "/api/cards", "township-labao-clerk",
								"{\"talk\":\"PUBLIC_SERVICE\",\"kind\":\"REQUEST\",\"subject\":\"crash\","
										+ "\"content\":\"c\",\"submitterName\":\"n\",\"submitterContact\":\"" + contact
										+ "\",\"receivingUnit\":\"township-labao\"}");
						if (answer.statusCode() != 201) {
							continue;
						}
						JsonNode filed = JSON.readTree(answer.body());
						acknowledged.add(filed.get("caseNo").asText());
						String processInstanceId = filed.get("processInstanceId").asText();
						if (!rejecting) {
							notRejected.put(processInstanceId, filed.get("caseNo").asText());
						}
						else if (reject(port, processInstanceId)) {
							rejected.put(filed.get("caseNo").asText(), contact);
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
		// make the acceptance reminders of the cards not rejected due now, so the job executor and the
		// e-mail dispatcher are busy when the node dies
		JsonNode timers = JSON.readTree(send(port, "GET",
				"/engine-rest/job?timers=true&activityId=BoundaryEvent_AcceptanceOverdue&maxResults=10000", "admin", null)
			.body());
		Set<String> remindedCases = new HashSet<>();
		List<String> reminded = new ArrayList<>();
		for (JsonNode timer : timers) {
			String processInstanceId = timer.get("processInstanceId").asText();
			String caseNo = notRejected.get(processInstanceId);
			if (caseNo == null) {
				continue; // a rejecting thread's card, or a demo card
			}
			int made = send(port, "PUT", "/engine-rest/job/" + timer.get("id").asText() + "/duedate", "admin",
					"{\"duedate\":\"2000-01-01T00:00:00.000+0000\"}").statusCode();
			if (made == 204) {
				reminded.add(processInstanceId);
				remindedCases.add(caseNo);
			}
		}
		// kill once the first reminder e-mail arrived: the rest are being written and sent
		Instant mailing = Instant.now().plusSeconds(30);
		while (this.smtp.getReceivedMessages().length == 0
				|| Arrays.stream(this.smtp.getReceivedMessages()).noneMatch(CrashRecoveryIT::isReminder)) {
			assertThat(Instant.now()).as("no reminder e-mail within 30 s").isBefore(mailing);
			Thread.sleep(20);
		}
		first.destroyForcibly();
		first.waitFor(30, TimeUnit.SECONDS);
		running.set(false);
		load.shutdown();
		load.awaitTermination(30, TimeUnit.SECONDS);
		int filedBeforeKill = acknowledged.size();
		Map<String, Integer> outboxAtKill = emailsByStatus(store.outbox());
		int receivedAtKill = this.smtp.getReceivedMessages().length;

		Process second = start(store, port, logs.resolve("second.log"));
		try {
			PackagedPlatform.awaitUp(port, second, logs.resolve("second.log"));
			for (String caseNo : acknowledged) {
				HttpResponse<String> card = send(port, "GET", "/api/cases/" + caseNo, "auditor", null);
				assertThat(card.statusCode()).as(caseNo).isEqualTo(200);
				assertThat(card.body()).as(caseNo).contains("\"event\":\"FILED\"");
				// the case's state was written in the transaction that filed it: the Cases search finds it
				JsonNode found = JSON.readTree(send(port, "GET", "/api/cases?caseNo=" + caseNo, "auditor", null).body());
				assertThat(found.get("total").asLong()).as("case state of " + caseNo).isEqualTo(1);
			}
			// and no case has a state without its FILED entry, or the other way round
			long states = JSON.readTree(send(port, "GET", "/api/cases?size=1", "auditor", null).body())
				.get("total")
				.asLong();
			long filed = JSON.readTree(send(port, "GET", "/api/ledger?event=FILED&size=1", "auditor", null).body())
				.get("total")
				.asLong();
			assertThat(states).as("cases with a state (every process), against cases filed in the ledger").isEqualTo(filed);
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
			System.out.printf("%nCrash test on " + database + ": %d cards acknowledged before SIGKILL, all %d present after restart; "
					+ "%d reminders made due at the kill, %d undone after restart, duplicates %d; ledger verifies%n%n",
					filedBeforeKill, acknowledged.size(), reminded.size(), due,
					reminders.size() - reminders.stream().distinct().count());

			awaitDrained(port, store);
			Set<String> unitMembers = new HashSet<>();
			JSON.readTree(send(port, "GET", "/engine-rest/user?memberOfGroup=township-labao", "admin", null).body())
				.forEach(user -> {
					if (user.hasNonNull("email") && !user.get("email").asText().isBlank()) {
						unitMembers.add(user.get("email").asText());
					}
				});
			assertThat(unitMembers).as("township-labao members with an e-mail address").isNotEmpty();
			if (!store.readsWhileRunning()) {
				second.destroy();
				assertThat(second.waitFor(60, TimeUnit.SECONDS)).as("the platform stops").isTrue();
			}
			assertEveryEmailArrivedOnce(store.outbox(), unitMembers, rejected, remindedCases, outboxAtKill, receivedAtKill);
		}
		finally {
			second.destroy();
			second.waitFor(30, TimeUnit.SECONDS);
		}
	}

	/** The platform with 5 s job locks and e-mail claims, so what the dead node held is taken over soon. */
	private Process start(Store store, int port, Path log) throws IOException {
		List<String> arguments = new ArrayList<>(store.arguments());
		arguments.addAll(List.of("--camunda.bpm.job-execution.lock-time-in-millis=5000",
				"--camunda.bpm.job-execution.wait-time-in-millis=500", "--spring.mail.host=127.0.0.1",
				"--spring.mail.port=" + this.smtp.getSmtp().getPort(), "--platform.notification.poll-interval=PT0.1S",
				"--platform.notification.first-retry=PT1S", "--platform.notification.claim=PT5S"));
		return PackagedPlatform.start(port, log, arguments.toArray(String[]::new));
	}

	/**
	 * Waits until the restarted platform has written and sent every e-mail: the outbox holds none
	 * waiting, where this test may read it while the platform runs; otherwise no e-mail arrived for
	 * 5 s after the last job that writes one ran.
	 */
	private void awaitDrained(int port, Store store) throws Exception {
		Instant deadline = Instant.now().plusSeconds(90);
		int received = -1;
		Instant quietSince = Instant.now();
		while (Instant.now().isBefore(deadline)) {
			Thread.sleep(500);
			long jobs = JSON.readTree(send(port, "GET", "/engine-rest/job/count?activityId=Task_NotifyRejection", "admin",
					null).body()).get("count").asLong();
			if (store.readsWhileRunning()) {
				long waiting = store.outbox().queryForObject("SELECT COUNT(*) FROM notification WHERE channel = 'EMAIL' "
						+ "AND status IN ('PENDING', 'SENDING')", Long.class);
				if (jobs + waiting == 0) {
					return;
				}
				continue;
			}
			int now = this.smtp.getReceivedMessages().length;
			if (now != received || jobs > 0) {
				received = now;
				quietSince = Instant.now();
			}
			else if (Duration.between(quietSince, Instant.now()).toSeconds() >= 5) {
				return;
			}
		}
	}

	/**
	 * Checks the drained outbox against what GreenMail received: every e-mail row SENT; each
	 * acknowledged rejection mailed to its submitter and each reminder to every member of the unit;
	 * every row's Message-ID received at least once, nothing else received; per recipient and
	 * notification (its subject names the case and the occasion) one Message-ID.
	 */
	private void assertEveryEmailArrivedOnce(JdbcTemplate outbox, Set<String> unitMembers,
			Map<String, String> rejected, Set<String> remindedCases, Map<String, Integer> outboxAtKill, int receivedAtKill) throws Exception {
		assertThat(emailsByStatus(outbox)).as("every e-mail sent").containsOnlyKeys("SENT");

		List<Map<String, Object>> rows = outbox.queryForList(
				"SELECT id, recipient, subject, case_no FROM notification WHERE channel = 'EMAIL' ORDER BY id");
		for (Map.Entry<String, String> rejection : rejected.entrySet()) {
			assertThat(rows).as("rejection of " + rejection.getKey() + " e-mailed to its submitter once")
				.filteredOn(row -> rejection.getKey().equals(row.get("case_no"))
						&& rejection.getValue().equals(row.get("recipient")))
				.singleElement()
				.satisfies(row -> assertThat((String) row.get("subject")).contains("不予受理告知"));
		}
		for (String caseNo : remindedCases) {
			assertThat(rows).as("acceptance reminder of " + caseNo + " e-mailed to every member of the unit once")
				.filteredOn(row -> caseNo.equals(row.get("case_no")) && ((String) row.get("subject")).contains("待受理提醒"))
				.extracting(row -> (String) row.get("recipient"))
				.containsExactlyInAnyOrderElementsOf(unitMembers);
		}

		MimeMessage[] received = this.smtp.getReceivedMessages();
		Map<String, Integer> deliveriesById = new HashMap<>();
		Map<String, Set<String>> idsByRecipientAndSubject = new HashMap<>();
		for (MimeMessage message : received) {
			String id = message.getMessageID();
			deliveriesById.merge(id, 1, Integer::sum);
			idsByRecipientAndSubject
				.computeIfAbsent(message.getRecipients(Message.RecipientType.TO)[0] + " | " + message.getSubject(),
						key -> new HashSet<>())
				.add(id);
		}
		Set<String> expectedIds = new HashSet<>();
		rows.forEach(row -> expectedIds.add("<notification-" + row.get("id") + "@county-platform>"));
		assertThat(deliveriesById.keySet()).as("every e-mail of the outbox arrived, and nothing else")
			.containsExactlyInAnyOrderElementsOf(expectedIds);
		assertThat(idsByRecipientAndSubject).as("one message per recipient and notification")
			.allSatisfy((recipientAndSubject, ids) -> assertThat(ids).as(recipientAndSubject).hasSize(1));
		int redelivered = received.length - deliveriesById.size();
		// one dispatcher thread marks each e-mail SENT right after the server took it: only an e-mail the
		// dead node was sending at the kill can have gone out twice
		assertThat(redelivered).as("re-deliveries, at most the e-mails claimed at the kill " + outboxAtKill)
			.isLessThanOrEqualTo(outboxAtKill.getOrDefault("SENDING", 0));
		System.out.printf("E-mail across the crash: %d rejections e-mailed, %d reminders to %d members each; "
				+ "%d e-mails in the outbox (expected), %d received over SMTP (%d before the kill), %d distinct Message-IDs, "
				+ "%d re-delivered with the same Message-ID; outbox at the kill %s; lost 0, duplicates by Message-ID 0%n%n",
				rejected.size(), remindedCases.size(), unitMembers.size(), rows.size(), received.length, receivedAtKill,
				deliveriesById.size(), redelivered, outboxAtKill);
	}

	/** Rejects a card's acceptance task as the receiving unit's clerk; true when acknowledged. */
	private static boolean reject(int port, String processInstanceId) throws IOException, InterruptedException {
		JsonNode tasks = JSON.readTree(send(port, "GET", "/engine-rest/task?processInstanceId=" + processInstanceId
				+ "&taskDefinitionKey=Task_AcceptCard", "township-labao-clerk", null).body());
		if (!tasks.isArray() || tasks.isEmpty()) {
			return false;
		}
		return send(port, "POST", "/engine-rest/task/" + tasks.get(0).get("id").asText() + "/complete",
				"township-labao-clerk", "{\"variables\":{\"acceptance\":{\"value\":\"REJECT\"},"
						+ "\"rejectReason\":{\"value\":\"不属本单位受理范围 not ours\"}}}")
			.statusCode() == 204;
	}

	private static Map<String, Integer> emailsByStatus(JdbcTemplate outbox) {
		Map<String, Integer> counts = new TreeMap<>();
		outbox.query("SELECT status, COUNT(*) AS n FROM notification WHERE channel = 'EMAIL' GROUP BY status",
				row -> {
					counts.put(row.getString("status"), row.getInt("n"));
				});
		return counts;
	}

	private static boolean isReminder(MimeMessage message) {
		try {
			return message.getSubject() != null && message.getSubject().contains("待受理提醒");
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
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
