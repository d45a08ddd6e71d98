package gov.county.platform.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import gov.county.platform.support.CaseNumberAssertions;
import gov.county.platform.support.DebianPostgres;
import gov.county.platform.PlatformApplication;

/**
 * The PostgreSQL backup of docs/operations.md: {@code pg_dump -Fc} while the platform runs and files cards, then
 * {@code pg_restore} into a new database. The platform started on the copy has every case with its
 * ledger, the ledger verifies, and new cards take the next case numbers. Runs on Debian's
 * PostgreSQL 15, the oldest the platform supports ({@link DebianPostgres}).
 */
class PostgresBackupRestoreTests {

	static final ObjectMapper JSON = new ObjectMapper();

	@Test
	void pgDumpWhileRunningThenPgRestoreIntoANewDatabase(@TempDir Path dir) throws Exception {
		try (DebianPostgres postgres = DebianPostgres.start(dir.resolve("server"))) {
			postgres.createDatabase("county");
			Path dump = dir.resolve("county.dump");
			Map<String, JsonNode> ledgers = new LinkedHashMap<>();
			long entries;
			try (ConfigurableApplicationContext running = start(postgres.jdbcUrl("county"))) {
				for (int i = 0; i < 3; i++) {
					fileCard(running, "backed up " + i);
				}
				for (JsonNode entry : get(running, "/api/ledger?size=500").get("entries")) {
					ledgers.computeIfAbsent(entry.get("caseNo").asText(), caseNo -> ledger(running, caseNo));
				}
				JsonNode verify = get(running, "/api/ledger/verify");
				assertThat(verify.get("ok").asBoolean()).isTrue();
				entries = verify.get("entriesChecked").asLong();
				postgres.dump("county", dump);
			}
			assertThat(Files.size(dump)).isPositive();
			assertThat(ledgers.keySet().stream().filter(caseNo -> caseNo.startsWith("HD-")))
				.as("the demo cards and the three filed")
				.hasSize(9);

			postgres.createDatabase("county_restored");
			postgres.restore(dump, "county_restored");
			try (ConfigurableApplicationContext restored = start(postgres.jdbcUrl("county_restored"))) {
				for (Map.Entry<String, JsonNode> kept : ledgers.entrySet()) {
					assertThat(ledger(restored, kept.getKey())).as(kept.getKey()).isEqualTo(kept.getValue());
				}
				JsonNode verify = get(restored, "/api/ledger/verify");
				assertThat(verify.get("ok").asBoolean()).as(verify.toString()).isTrue();
				assertThat(verify.get("entriesChecked").asLong()).isEqualTo(entries);

				List<String> cards = new ArrayList<>(ledgers.keySet().stream().filter(no -> no.startsWith("HD-")).toList());
				List<String> numbers = new ArrayList<>(cards);
				numbers.add(fileCard(restored, "after the restore"));
				numbers.add(fileCard(restored, "after the restore, again"));
				CaseNumberAssertions.assertUniqueAndGapFree(numbers);
				assertThat(numbers.subList(9, 11)).as("new cards come after every restored one")
					.allMatch(number -> cards.stream().allMatch(old -> old.compareTo(number) < 0));
			}
		}
	}

	private static ConfigurableApplicationContext start(String url) {
		return new SpringApplicationBuilder(PlatformApplication.class).run("--server.port=0",
				"--spring.profiles.active=postgres,demo", "--DB_URL=" + url, "--DB_USER=postgres", "--DB_PASSWORD=",
				"--camunda.bpm.job-execution.enabled=false", "--spring.mail.host=");
	}

	private static String fileCard(ConfigurableApplicationContext node, String subject) throws Exception {
		Map<String, Object> card = Map.of("talk", "PUBLIC_SERVICE", "kind", "REQUEST", "subject", subject, "content",
				"备份 backup", "submitterName", "王某", "receivingUnit", "township-labao", "channel", "HOTLINE",
				"urgent", false);
		HttpResponse<String> answer = HttpClient.newHttpClient()
			.send(request(node, "township-labao-clerk", "/api/cards").header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(card)))
				.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
		return JSON.readTree(answer.body()).get("caseNo").asText();
	}

	/** The case's ledger timeline as an auditor sees it: events, actors, times and hashes. */
	private static JsonNode ledger(ConfigurableApplicationContext node, String caseNo) {
		try {
			return get(node, "/api/cases/" + caseNo).get("ledger");
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static JsonNode get(ConfigurableApplicationContext node, String path) throws Exception {
		HttpResponse<String> answer = HttpClient.newHttpClient()
			.send(request(node, "auditor", path).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(200);
		return JSON.readTree(answer.body());
	}

	private static HttpRequest.Builder request(ConfigurableApplicationContext node, String user, String path) {
		int port = ((WebServerApplicationContext) node).getWebServer().getPort();
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
	}

}
