package gov.county.platform.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import gov.county.platform.ledger.CaseNumberService;
import gov.county.platform.ledger.LedgerEvent;
import gov.county.platform.ledger.LedgerService;
import gov.county.platform.PlatformApplication;

/** An online backup through the API, restored into a new data folder, gives a platform whose ledger verifies. */
class BackupRestoreTests {

	@Test
	void backupWhileRunningThenRestoreElsewhere(@TempDir Path original, @TempDir Path restored) throws Exception {
		String caseNo;
		String backupFile;
		try (ConfigurableApplicationContext running = start(original)) {
			caseNo = running.getBean(CaseNumberService.class).next("BK");
			running.getBean(LedgerService.class)
				.append(new LedgerEvent(caseNo, "TestProcess", "FILED", "township-labao", "system", null, "backed up"));
			int port = ((WebServerApplicationContext) running).getWebServer().getPort();
			HttpResponse<String> answer = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/admin/backup"))
					.header("Authorization", "Basic " + Base64.getEncoder()
						.encodeToString("admin:Backup-County-2026".getBytes(StandardCharsets.UTF_8)))
					.POST(HttpRequest.BodyPublishers.noBody())
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
			JsonNode body = new ObjectMapper().readTree(answer.body());
			backupFile = body.get("file").asText();
			assertThat(body.get("bytes").asLong()).isPositive();
		}

		try (InputStream in = Files.newInputStream(Path.of(backupFile)); ZipInputStream zip = new ZipInputStream(in)) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				Files.copy(zip, restored.resolve(entry.getName()));
			}
		}
		try (ConfigurableApplicationContext fromBackup = start(restored)) {
			LedgerService ledger = fromBackup.getBean(LedgerService.class);
			assertThat(ledger.caseHistory(caseNo)).singleElement()
				.satisfies(e -> assertThat(e.detail()).isEqualTo("backed up"));
			assertThat(ledger.verify().ok()).isTrue();
		}
	}

	private static ConfigurableApplicationContext start(Path dataDir) {
		return new SpringApplicationBuilder(PlatformApplication.class).run("--server.port=0",
				"--platform.data-dir=" + dataDir, "--platform.admin.password=Backup-County-2026",
				"--camunda.bpm.job-execution.enabled=false", "--spring.mail.host=");
	}

}
