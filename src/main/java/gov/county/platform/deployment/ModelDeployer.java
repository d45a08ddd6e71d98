package gov.county.platform.deployment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.Deployment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import gov.county.platform.organization.OrganizationProperties;

/**
 * Deploys {@code processes/} and {@code forms/} as one deployment at start, so that a user task's
 * {@code camunda:formRef} with binding {@code deployment} finds its form. Unchanged resources deploy
 * nothing (duplicate filtering); a changed diagram becomes a new version, as when an admin deploys
 * from Camunda Modeler. Unit dropdowns of forms are filled from the organisation chart on the way
 * ({@link FormOptions}).
 */
@Component
class ModelDeployer {

	static final String DEPLOYMENT_NAME = "county-platform";

	private static final Logger log = LoggerFactory.getLogger(ModelDeployer.class);

	private final RepositoryService repository;

	private final OrganizationProperties organization;

	ModelDeployer(RepositoryService repository, OrganizationProperties organization) {
		this.repository = repository;
		this.organization = organization;
	}

	@Order(10)
	@EventListener(ApplicationStartedEvent.class)
	public void deploy() throws IOException {
		Map<String, Resource> resources = ModelResources.find(getClass().getClassLoader());
		if (resources.isEmpty()) {
			log.warn("No processes, decisions or forms found on the classpath: nothing deployed");
			return;
		}
		DeploymentBuilder deployment = this.repository.createDeployment()
			.name(DEPLOYMENT_NAME)
			.source("county-platform")
			.enableDuplicateFiltering(false);
		for (Map.Entry<String, Resource> entry : resources.entrySet()) {
			try (InputStream in = entry.getValue().getInputStream()) {
				byte[] bytes = in.readAllBytes();
				if (entry.getKey().endsWith(".form")) {
					bytes = FormOptions.fill(entry.getKey(), bytes, this.organization.units());
				}
				deployment.addInputStream(entry.getKey(), new ByteArrayInputStream(bytes));
			}
		}
		String latestBefore = latestDeploymentId();
		String deployed = deployment.deploy().getId();
		if (deployed.equals(latestBefore)) {
			log.info("Processes, decisions and forms unchanged ({} resources)", resources.size());
		}
		else {
			log.info("Deployed {} resources as deployment {}: {}", resources.size(), deployed, resources.keySet());
		}
	}

	private String latestDeploymentId() {
		Deployment latest = this.repository.createDeploymentQuery()
			.deploymentName(DEPLOYMENT_NAME)
			.orderByDeploymentTime()
			.desc()
			.listPage(0, 1)
			.stream()
			.findFirst()
			.orElse(null);
		return latest == null ? null : latest.getId();
	}

}
