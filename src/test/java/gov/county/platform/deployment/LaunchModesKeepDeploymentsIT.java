package gov.county.platform.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import gov.county.platform.support.PackagedPlatform;
import gov.county.platform.PlatformApplication;

/**
 * Against one database, starting from the classes folder (as {@code mvn spring-boot:run} does) and
 * from the packaged jar ({@code java -jar}) deploys nothing new: the resource names are the same.
 * Runs after {@code package}, with the real fat jar.
 */
class LaunchModesKeepDeploymentsIT {

	private static final String PASSWORD = "Launch-Modes-2026";

	@Test
	void switchingBetweenSpringBootRunAndJavaJarDeploysNoNewVersion(@TempDir Path dataDir) throws Exception {
		long deploymentsFromClasses;
		List<String> resourceNames;
		try (ConfigurableApplicationContext fromClasses = startFromClasses(dataDir)) {
			RepositoryService repository = fromClasses.getBean(RepositoryService.class);
			deploymentsFromClasses = repository.createDeploymentQuery().count();
			String deploymentId = repository.createDeploymentQuery().singleResult().getId();
			resourceNames = repository.getDeploymentResourceNames(deploymentId);
		}
		assertThat(deploymentsFromClasses).isEqualTo(1);
		assertThat(resourceNames).contains("processes/InteractionCardProcess.bpmn",
				"processes/CardTimeLimitDecision.dmn", "forms/accept-card.form");

		int port = PackagedPlatform.freePort();
		Process jar = PackagedPlatform.start(port, dataDir.resolve("jar.log"), "--platform.data-dir=" + dataDir,
				"--platform.admin.password=" + PASSWORD, "--camunda.bpm.job-execution.enabled=false");
		try {
			PackagedPlatform.awaitUp(port, jar, dataDir.resolve("jar.log"));
			assertThat(get(port, "/engine-rest/deployment/count")).contains("\"count\":1");
			assertThat(get(port, "/engine-rest/process-definition/count?key=InteractionCardProcess"))
				.contains("\"count\":1");
		}
		finally {
			jar.destroy();
			jar.waitFor();
		}

		try (ConfigurableApplicationContext again = startFromClasses(dataDir)) {
			assertThat(again.getBean(RepositoryService.class).createDeploymentQuery().count()).isEqualTo(1);
		}
	}

	private static ConfigurableApplicationContext startFromClasses(Path dataDir) {
		return new SpringApplicationBuilder(PlatformApplication.class).run("--server.port=0",
				"--platform.data-dir=" + dataDir, "--platform.admin.password=" + PASSWORD,
				"--camunda.bpm.job-execution.enabled=false");
	}

	private static String get(int port, String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Basic "
					+ Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
	}

}
