package gov.county.platform.bench;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import gov.county.platform.PlatformApplication;

/** The platform as it runs in production (its own configuration, job executor on), started in-process. */
final class Platform implements AutoCloseable {

	final ConfigurableApplicationContext context;

	final ProcessEngine engine;

	final JdbcTemplate jdbc;

	final int port;

	private Platform(ConfigurableApplicationContext context) {
		this.context = context;
		this.engine = context.getBean(ProcessEngine.class);
		this.jdbc = context.getBean(JdbcTemplate.class);
		this.port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
	}

	static Platform start(Database database, int smtpPort, String... extra) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.mail.host=localhost",
				"--spring.mail.port=" + smtpPort, "--logging.level.root=WARN",
				"--logging.level.gov.county.platform.bench=INFO"));
		args.addAll(database.platformArguments());
		args.addAll(List.of(extra));
		// -Dbench.platform.args="--a=b --c=d": settings to compare against the shipped configuration
		String more = System.getProperty("bench.platform.args", "").trim();
		if (!more.isEmpty()) {
			args.addAll(List.of(more.split("\\s+")));
		}
		return new Platform(new SpringApplicationBuilder(PlatformApplication.class).run(args.toArray(String[]::new)));
	}

	JobExecutor jobExecutor() {
		return ((ProcessEngineConfigurationImpl) this.engine.getProcessEngineConfiguration()).getJobExecutor();
	}

	@Override
	public void close() {
		this.context.close();
	}

}
