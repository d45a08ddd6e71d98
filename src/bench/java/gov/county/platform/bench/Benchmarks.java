package gov.county.platform.bench;

import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

import gov.county.platform.calendar.WorkingDayCalendar;
import gov.county.platform.support.TestCards;
import gov.county.platform.cases.Deadlines;
import gov.county.platform.cases.TimeLimits;
import gov.county.platform.card.CardIntake;
import gov.county.platform.card.CardProcess;
import gov.county.platform.engine.EngineClock;
import gov.county.platform.ledger.LedgerEvent;
import gov.county.platform.ledger.LedgerFixtures;
import gov.county.platform.ledger.LedgerSeals;
import gov.county.platform.ledger.LedgerService;
import gov.county.platform.organization.OrganizationProperties;
import gov.county.platform.organization.TasklistFilters;
import gov.county.platform.organization.Unit;

/**
 * The benchmark harness: {@code mvn -Pbench verify} (docs/performance.md). For each database it
 * measures card lifecycles on the platform against the bare diagram on the same engine and on a
 * default engine, Tasklist's shared filters (first page with variables, count) as clerks and the
 * county offices see them, an escalation storm, Tasklist's task queries over many open and finished cards,
 * the ledger's verify, page and export over a large ledger, and the heap. Prints every figure and
 * writes {@code target/bench/results.md} and {@code .json}. Sizes are system properties
 * ({@code bench.*}, see {@link Settings}).
 */
public final class Benchmarks {

	record Settings(List<String> databases, List<String> phases, int runs, double seconds, double warmUp,
			double maxWarmUp, int storm, int open,
			int finished, int ledger, int queries, int cases, int tasklistH2, int tasklistPostgres, Path folder) {

		static Settings fromSystemProperties() {
			List<String> databases = Arrays.stream(System.getProperty("bench.databases", "h2,postgres").split(","))
				.map(String::trim)
				.toList();
			if (databases.contains("postgres") && databases.contains("postgres-15")) {
				// the server's CPU is that of every process named postgres: one server at a time
				throw new IllegalArgumentException("bench.databases: run postgres and postgres-15 one at a time");
			}
			return new Settings(databases,
					Arrays.asList(System.getProperty("bench.phases", "lifecycles,tasklist,storm,queries,ledger,cases").split(",")),
					Integer.getInteger("bench.runs", 3), Double.parseDouble(System.getProperty("bench.seconds", "3")),
					Double.parseDouble(System.getProperty("bench.warmup", "4")),
					Double.parseDouble(System.getProperty("bench.warmup.max", "180")), Integer.getInteger("bench.storm", 10_000),
					Integer.getInteger("bench.open", 100_000), Integer.getInteger("bench.finished", 1_000_000),
					Integer.getInteger("bench.ledger", 1_000_000), Integer.getInteger("bench.queries", 200),
					Integer.getInteger("bench.cases", 1_000_000), Integer.getInteger("bench.tasklist.h2", 20_000),
					Integer.getInteger("bench.tasklist.postgres", 100_000),
					Path.of(System.getProperty("bench.folder", "target/bench")));
		}

		/** The open cards the tasklist phase stands on, on {@code database}. */
		int tasklistOpen(Database database) {
			return database instanceof Database.H2 ? this.tasklistH2 : this.tasklistPostgres;
		}

	}

	/** The target is for Tasklist's queries only: the ledger page has none. */
	private static final String TASK_QUERY_TARGET = "; target p95 < 50 ms";

	/** The JIT counts as warm when its compilers take less than this share of a CPU. */
	private static final double QUIET_COMPILER = 0.10;

	private final Settings settings;

	private final Results results = new Results();

	private final int smtpPort;

	private final Profiles profiles;

	private Benchmarks(Settings settings, int smtpPort, Profiles profiles) {
		this.settings = settings;
		this.smtpPort = smtpPort;
		this.profiles = profiles;
	}

	public static void main(String[] args) throws Exception {
		Settings settings = Settings.fromSystemProperties();
		GreenMail smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
			.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
		smtp.start();
		Benchmarks bench = new Benchmarks(settings, smtp.getSmtp().getPort(), Profiles.start());
		bench.results.note("settings", settings.toString());
		int status = 0;
		try {
			for (String name : settings.databases()) {
				bench.run(Database.of(name.trim(), settings.folder()));
			}
		}
		catch (Exception | AssertionError ex) {
			ex.printStackTrace();
			status = 1;
		}
		finally {
			smtp.stop();
			bench.results.write(settings.folder());
			bench.profiles.write(settings.folder());
			System.out.println();
			System.out.println(bench.results.markdown());
			System.out.println("Written to " + settings.folder().resolve("results.md") + " and results.json; where the "
					+ "CPU went, phase by phase: " + settings.folder().resolve("profile.md"));
		}
		System.exit(status);
	}

	private void run(Database database) throws Exception {
		String db = database.label();
		boolean lifecycles = this.settings.phases().contains("lifecycles");
		if (lifecycles) {
			log(db + ": bare diagram on a default engine");
			try (DefaultEngine bare = new DefaultEngine(database)) {
				lifecycles(db, "bare diagram, default engine", CardDrivers.bare(bare.engine));
			}
		}
		List<String> rest = this.settings.phases()
			.stream()
			.filter(phase -> List.of("lifecycles", "storm", "queries", "ledger", "cases").contains(phase))
			.toList();
		if (this.settings.phases().contains("tasklist")) {
			// a database of its own: the storm runs the engine's clock ahead, and the copies' timers
			// would fall due with it (a copy has no case state, so each of those jobs would fail)
			log(db + ": the platform, for Tasklist's filters");
			try (Platform platform = Platform.start(database, this.smtpPort)) {
				platform.jobExecutor().shutdown();
				tasklist(database, platform);
				if (rest.isEmpty()) {
					heap(db);
					hold(platform);
				}
			}
		}
		if (rest.isEmpty()) {
			return;
		}
		log(db + ": the platform");
		try (Platform platform = Platform.start(database, this.smtpPort)) {
			platform.jobExecutor().shutdown();
			platform.engine.getRepositoryService()
				.createDeployment()
				.name("benchmark")
				.addModelInstance("BareCardProcess.bpmn", BareCardDiagram.model())
				.deploy();
			if (lifecycles) {
				CardDrivers.Lifecycle card = CardDrivers.platform(platform.engine,
						platform.context.getBean(CardIntake.class));
				lifecycles(db, "platform card", card);
				lifecycles(db, "bare diagram, platform's engine", CardDrivers.bare(platform.engine));
				ratios(db);
			}
			if (this.settings.phases().contains("storm") || this.settings.phases().contains("queries")) {
				// the storm's cards are the first of the open cards the queries stand on
				storm(database, platform);
			}
			if (this.settings.phases().contains("queries")) {
				queries(database, platform);
			}
			if (this.settings.phases().contains("ledger")) {
				ledger(database, platform);
			}
			if (this.settings.phases().contains("cases")) {
				cases(database, platform);
			}
			heap(db);
			hold(platform);
		}
	}

	private void lifecycles(String db, String variant, CardDrivers.Lifecycle lifecycle) throws Exception {
		Throughput.WarmUp warm = Throughput.warmUp(lifecycle, this.settings.warmUp(), this.settings.maxWarmUp(),
				QUIET_COMPILER);
		this.results.add(Results.Figure.of(db, "JIT warm-up before the lifecycles, " + variant, "s",
				List.of(warm.seconds()), String.format(Locale.ROOT, "until the compilers used under %.0f %% of a CPU over %d s "
						+ "(at the end: %.0f %%), at most %.0f s", 100 * QUIET_COMPILER, Throughput.QUIET_WINDOW,
						100 * warm.compilingShare(), this.settings.maxWarmUp())));
		for (int threads : new int[] { 1, 2 }) {
			List<Double> rates = new ArrayList<>();
			List<Double> cpu = new ArrayList<>();
			this.profiles.phase(db + ": lifecycles, " + variant + ", " + threads + " thread" + (threads > 1 ? "s" : ""), () -> {
				for (int run = 0; run < this.settings.runs(); run++) {
					Throughput.Rate rate = Throughput.measure(lifecycle, threads, this.settings.seconds());
					rates.add(rate.perSecond());
					cpu.add(rate.cpuMillis());
				}
				return null;
			});
			this.results.add(Results.Figure.of(db, "lifecycles/s, " + variant + ", " + threads + " thread"
					+ (threads > 1 ? "s" : ""), "lifecycles/s", rates,
					this.profiles.lastCpu().describe()));
			if (threads == 1) {
				this.results.add(Results.Figure.of(db, "client CPU per lifecycle, " + variant, "ms", cpu,
						"the calling thread's CPU time: steady when the machine is busy"));
			}
		}
	}

	private void ratios(String db) {
		for (String threads : List.of("1 thread", "2 threads")) {
			double platform = this.results.median(db, "lifecycles/s, platform card, " + threads);
			double bareTuned = this.results.median(db, "lifecycles/s, bare diagram, platform's engine, " + threads);
			double bareDefault = this.results.median(db, "lifecycles/s, bare diagram, default engine, " + threads);
			this.results.add(Results.Figure.of(db, "features' overhead (bare ÷ platform, same engine), " + threads, "×",
					List.of(bareTuned / platform), "target ≤ 1.2"));
			this.results.add(Results.Figure.of(db, "platform ÷ bare default engine, " + threads, "×",
					List.of(platform / bareDefault), "target ≥ 2 (H2), ≥ 1.5 (PostgreSQL)"));
			this.results.add(Results.Figure.of(db, "tuning's gain (bare on platform's engine ÷ default), " + threads, "×",
					List.of(bareTuned / bareDefault), null));
		}
	}

	/**
	 * N cards open at "handle and reply" whose deadlines fall due at once: the engine's clock runs
	 * past the deadline and the job executor, as configured for production, works through the
	 * warnings and urgings. Measures the time until every URGED entry exists.
	 */
	private void storm(Database database, Platform platform) throws Exception {
		String db = database.label();
		int n = this.settings.storm();
		log(db + ": opening " + n + " cards for the escalation storm");
		WorkingDayCalendar calendar = platform.context.getBean(WorkingDayCalendar.class);
		Deadlines deadlines = Deadlines.start(calendar, TimeLimits.defaults(), Instant.now(), 5);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		List<Callable<Void>> work = new ArrayList<>();
		int batch = 100;
		for (int from = 0; from < n; from += batch) {
			int first = from;
			work.add(() -> {
				for (int i = first; i < Math.min(first + batch, n); i++) {
					String caseNo = String.format("SB-2026-%06d", i + 1);
					TestCards.clocked(platform.context, caseNo, "township-labao", deadlines);
					platform.engine.getRuntimeService()
						.createProcessInstanceByKey(CardProcess.KEY)
						.businessKey(caseNo)
						.startBeforeActivity(CardProcess.TASK_HANDLE)
						.setVariables(Map.of("caseNo", caseNo, "leadUnit", "township-labao", "receivingUnit",
								"township-labao", "subject", "storm " + caseNo, "dueAt", Deadlines.iso(deadlines.dueAt()),
								"warnAt", Deadlines.iso(deadlines.warnAt()), "reprimandAt",
								Deadlines.iso(deadlines.lateAt())))
						.execute();
				}
				return null;
			});
		}
		Instant openStart = Instant.now();
		for (Future<Void> done : pool.invokeAll(work)) {
			done.get();
		}
		pool.shutdown();
		double openSeconds = seconds(openStart);
		this.results.add(Results.Figure.of(db, "opening storm cards (2 threads)", "cards/s", List.of(n / openSeconds),
				n + " cards in " + Math.round(openSeconds) + " s"));

		// a county's database has planner statistics on tables this size long before their deadlines fall
		// due; this one was empty a minute ago, and PostgreSQL's autovacuum comes round only every minute
		platform.jdbc.execute("ANALYZE");
		String urged = "SELECT COUNT(*) FROM ledger_entry WHERE case_no LIKE 'SB-%' AND event = 'URGED'";
		database.countStatements(platform.jdbc);
		Instant stormStart = Instant.now();
		this.profiles.phase(db + ": escalation storm", () -> {
			EngineClock.runAhead(Duration.between(Instant.now(), deadlines.dueAt().toInstant()).plusMinutes(10));
			platform.jobExecutor().start();
			Instant give = Instant.now().plus(Duration.ofMinutes(10));
			// counting takes a scan of the storm's entries: once a second, so the harness does not
			// compete with the job executor it measures (the figure is exact to a second)
			while (platform.jdbc.queryForObject(urged, Integer.class) < n && Instant.now().isBefore(give)) {
				Thread.sleep(1000);
			}
			return null;
		});
		double stormSeconds = seconds(stormStart);
		CpuMeter.Use cpu = this.profiles.lastCpu();
		platform.jobExecutor().shutdown();
		EngineClock.runAhead(Duration.ZERO);
		int count = platform.jdbc.queryForObject(urged, Integer.class);
		Integer duplicates = platform.jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT case_no, event FROM ledger_entry "
				+ "WHERE case_no LIKE 'SB-%' GROUP BY case_no, event HAVING COUNT(*) > 1) d", Integer.class);
		long failed = platform.engine.getManagementService().createJobQuery().withException().count();
		this.results.add(Results.Figure.of(db, "escalation storm: every URGED recorded", "s", List.of(stormSeconds),
				String.format("%d of %d cards urged (%.0f/s, WARNED first); duplicates %d; failed jobs %d; target < 60 s",
						count, n, count / stormSeconds, duplicates, failed)));
		String busy = cpu.describe();
		this.results.add(Results.Figure.of(db, "escalation storm: CPU per card, this JVM", "ms",
				List.of(1000 * cpu.jvmSeconds() / n), busy));
		if (database instanceof Database.Postgres) {
			this.results.add(Results.Figure.of(db, "escalation storm: CPU per card, PostgreSQL server", "ms",
					List.of(1000 * cpu.postgresSeconds() / n), busy));
		}
		if (count != n || duplicates != 0) {
			throw new AssertionError("escalation storm: " + count + " of " + n + " urged, " + duplicates + " duplicated");
		}
		statementsPerCard(database, platform.jdbc, n);
		stormEmails(db, platform.jdbc, stormStart);
	}

	/**
	 * The storm's e-mails (to the unit's members, its head and the supervision office): the time from
	 * the storm's start until the mail server accepted the last of them. They are queued with the
	 * storm's warnings and urgings and sent while it runs and after it.
	 */
	private void stormEmails(String db, JdbcTemplate jdbc, Instant stormStart) throws Exception {
		String ofTheStorm = "FROM notification WHERE case_no LIKE 'SB-%' AND channel = 'EMAIL' ";
		String waiting = "SELECT COUNT(*) " + ofTheStorm + "AND status IN ('PENDING', 'SENDING')";
		Instant give = Instant.now().plus(Duration.ofMinutes(15));
		this.profiles.phase(db + ": the storm's e-mails still waiting after it", () -> {
			while (jdbc.queryForObject(waiting, Integer.class) > 0 && Instant.now().isBefore(give)) {
				Thread.sleep(1000);
			}
			return null;
		});
		Map<String, Integer> byStatus = new HashMap<>();
		jdbc.query("SELECT status, COUNT(*) " + ofTheStorm + "GROUP BY status",
				(RowCallbackHandler) rs -> byStatus.put(rs.getString(1), rs.getInt(2)));
		int sent = byStatus.getOrDefault("SENT", 0);
		int left = byStatus.getOrDefault("PENDING", 0) + byStatus.getOrDefault("SENDING", 0);
		OffsetDateTime last = jdbc.queryForObject("SELECT MAX(sent_at) " + ofTheStorm, OffsetDateTime.class);
		double seconds = last == null ? 0 : Duration.between(stormStart, last.toInstant()).toMillis() / 1000.0;
		this.results.add(Results.Figure.of(db, "escalation storm: every e-mail sent", "s", List.of(seconds),
				String.format("%,d e-mails accepted by the mail server (%.0f/s from the storm's start); %d still "
						+ "waiting (the harness waits 15 min at most), %d given up", sent, sent / Math.max(seconds, 0.001),
						left, byStatus.getOrDefault("FAILED", 0))));
	}

	/** What the database ran for the storm, per card (its warning and its urging), the harness's own counting left out. */
	private void statementsPerCard(Database database, JdbcTemplate jdbc, int cards) {
		String db = database.label();
		List<Database.Statement> storm = database.statements(jdbc)
			.stream()
			.filter(statement -> !statement.sql().contains("case_no LIKE"))
			.toList();
		long total = storm.stream().mapToLong(Database.Statement::calls).sum();
		this.results.add(Results.Figure.of(db, "escalation storm: statements per card", "statements",
				List.of((double) total / cards),
				"warning and urging, job acquisition included (" + database.statementSource() + ")"));
		this.profiles.note(db + ": statements of the escalation storm, most time first (" + database.statementSource()
				+ "; the time includes waiting for a CPU or a lock)", statementTable(storm, 30, cards, "card", 160));
	}

	/** The rows of an open card: its engine rows, its tasks' candidate links, grants and variables, and its history's head. */
	private static final List<InstanceCloner.Source> OPEN_CARD = List.of(
			new InstanceCloner.Source("ACT_RU_EXECUTION", "PROC_INST_ID_"),
			new InstanceCloner.Source("ACT_RU_TASK", "PROC_INST_ID_"),
			new InstanceCloner.Source("ACT_RU_IDENTITYLINK", "TASK_ID_"),
			new InstanceCloner.Source("ACT_RU_VARIABLE", "PROC_INST_ID_"),
			new InstanceCloner.Source("ACT_RU_JOB", "PROCESS_INSTANCE_ID_"),
			new InstanceCloner.Source("ACT_GE_BYTEARRAY", "ID_"),
			new InstanceCloner.Source("ACT_RU_AUTHORIZATION", "RESOURCE_ID_"),
			new InstanceCloner.Source("ACT_HI_PROCINST", "PROC_INST_ID_"),
			new InstanceCloner.Source("ACT_HI_TASKINST", "PROC_INST_ID_"));

	private static Unit unit(Platform platform, String id) {
		return platform.context.getBean(OrganizationProperties.class).unit(id).orElseThrow();
	}

	/**
	 * Copies a card that went the whole way until {@code bench.finished} cards have finished (their
	 * process and task history: what a county's finished cards leave in the tables Tasklist reads
	 * beside), then brings PostgreSQL's planner statistics up to date, as autovacuum would have.
	 */
	private void copyFinished(Database database, Platform platform, InstanceCloner cloner, List<Unit> units) {
		CardDrivers.platform(platform.engine, platform.context.getBean(CardIntake.class)).run();
		// a card that went the whole way (not the demo's rejected one): the most tasks of any finished card
		String finishedTemplate = platform.jdbc.queryForObject("SELECT p.PROC_INST_ID_ FROM ACT_HI_PROCINST p WHERE "
				+ "p.END_TIME_ IS NOT NULL AND p.PROC_DEF_KEY_ = 'InteractionCardProcess' ORDER BY (SELECT COUNT(*) FROM "
				+ "ACT_HI_TASKINST t WHERE t.PROC_INST_ID_ = p.PROC_INST_ID_) DESC, p.END_TIME_ DESC LIMIT 1", String.class);
		String caseNo = platform.jdbc.queryForObject("SELECT BUSINESS_KEY_ FROM ACT_HI_PROCINST WHERE PROC_INST_ID_ = ?",
				String.class, finishedTemplate);
		long finished = platform.engine.getHistoryService().createHistoricProcessInstanceQuery().finished().count();
		Instant start = Instant.now();
		long rows = cloner.copy(new InstanceCloner.Template(finishedTemplate, caseNo, unit(platform, "township-labao"), units, 1),
				List.of(new InstanceCloner.Source("ACT_HI_PROCINST", "PROC_INST_ID_"),
						new InstanceCloner.Source("ACT_HI_TASKINST", "PROC_INST_ID_")),
				Math.max(0, this.settings.finished() - finished), "f");
		log(database.label() + ": " + rows + " rows of finished cards copied in " + Math.round(seconds(start)) + " s");
		if (database instanceof Database.Postgres) {
			platform.jdbc.execute("ANALYZE");
		}
	}

	/** What Tasklist sends with a filter's list and count: no extra criteria, its sorting. */
	private static final String TASKLIST_BODY = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
			+ "\"orQueries\":[],\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}]}";

	/** One open card in this many is past its due date. */
	private static final int OVERDUE_ONE_IN = 10;

	/** Seconds between the due dates of one card's copies: 100,000 cards fall due over 69 days. */
	private static final int DUE_EVERY = 60;

	/** One open card in this many is claimed by a clerk of its unit. */
	private static final int CLAIMED_ONE_IN = 5;

	/**
	 * Tasklist as a clerk and the county offices use it (issue 23): the first page of a shared filter
	 * with its variables and its count, as Tasklist asks the webapps' engine API for them, signed in
	 * to Tasklist, grants checked. The open cards are copies of two real cards at "handle and reply"
	 * (one claimed), filed, accepted and dispatched through the platform, so every task carries its
	 * case variables, candidate unit and the unit's grant; a township gets three times a department's
	 * cards, one card in {@value #CLAIMED_ONE_IN} is claimed and one in {@value #OVERDUE_ONE_IN} past
	 * its due date. Measured: a township's and a department's clerk's "My unit's tasks" and the
	 * supervision office's county-wide "County: overdue".
	 */
	private void tasklist(Database database, Platform platform) throws Exception {
		String db = database.label();
		Unit labao = unit(platform, "township-labao");
		List<Unit> units = new ArrayList<>();
		for (Unit unit : platform.context.getBean(OrganizationProperties.class).units()) {
			int share = switch (unit.type()) {
				case TOWNSHIP -> 3;
				case DEPARTMENT -> 1;
				case COUNTY -> 0;
			};
			for (int i = 0; i < share; i++) {
				units.add(unit);
			}
		}
		CardIntake intake = platform.context.getBean(CardIntake.class);
		InstanceCloner cloner = new InstanceCloner(platform.jdbc, database);
		String free = CardDrivers.openAtHandling(platform.engine, intake, labao.id(), false);
		String claimed = CardDrivers.openAtHandling(platform.engine, intake, labao.id(), true);
		long open = platform.engine.getRuntimeService().createProcessInstanceQuery().count();
		long copies = Math.max(0, this.settings.tasklistOpen(database) - open);
		Instant start = Instant.now();
		long rows = 0;
		for (String template : List.of(free, claimed)) {
			long these = template.equals(claimed) ? copies / CLAIMED_ONE_IN : copies - copies / CLAIMED_ONE_IN;
			String tag = template.equals(claimed) ? "c" : "t";
			String caseNo = platform.engine.getRuntimeService()
				.createProcessInstanceQuery()
				.processInstanceId(template)
				.singleResult()
				.getBusinessKey();
			rows += cloner.copy(new InstanceCloner.Template(template, caseNo, labao, units, DUE_EVERY), OPEN_CARD, these, tag);
			// copy n is due n minutes after the template: move the first tenth of them before now
			org.camunda.bpm.engine.task.Task task = platform.engine.getTaskService()
				.createTaskQuery()
				.processInstanceId(template)
				.singleResult();
			long back = Duration.between(Instant.now(), task.getDueDate().toInstant()).toSeconds()
					+ these / OVERDUE_ONE_IN * DUE_EVERY;
			platform.jdbc.update("UPDATE ACT_RU_TASK SET DUE_DATE_ = " + database.plusSeconds("DUE_DATE_", "-" + back)
					+ " WHERE ID_ LIKE ?", task.getId() + "-" + tag + "%");
		}
		log(db + ": " + rows + " rows of open cards copied in " + Math.round(seconds(start)) + " s");
		copyFinished(database, platform, cloner, platform.context.getBean(OrganizationProperties.class).units());

		long openNow = platform.engine.getRuntimeService().createProcessInstanceQuery().count();
		long finishedNow = platform.engine.getHistoryService().createHistoricProcessInstanceQuery().finished().count();
		long tasks = platform.engine.getTaskService().createTaskQuery().count();
		long unitTasks = platform.engine.getTaskService().createTaskQuery().taskCandidateGroup(labao.id()).includeAssignedTasks().count();
		long deptTasks = platform.engine.getTaskService()
			.createTaskQuery()
			.taskCandidateGroup("dept-housing")
			.includeAssignedTasks()
			.count();
		long overdue = platform.engine.getTaskService().createTaskQuery().dueBefore(new java.util.Date()).count();
		String sizes = String.format("%,d open cards (%,d open tasks: %,d the township's, %,d the department's, %,d past "
				+ "due), %,d finished", openNow, tasks, unitTasks, deptTasks, overdue, finishedNow);
		this.results.note(db + " Tasklist data", sizes);
		log(db + ": " + sizes);

		String root = "http://localhost:" + platform.port;
		String filters = "/camunda/api/engine/engine/default/filter/";
		org.camunda.bpm.engine.FilterService filterService = platform.engine.getFilterService();
		String myUnit = filterService.createFilterQuery().filterName(TasklistFilters.MY_UNIT).singleResult().getId();
		String countyOverdue = filterService.createFilterQuery()
			.filterName(TasklistFilters.COUNTY_OVERDUE)
			.singleResult()
			.getId();
		String someTask = platform.jdbc.queryForObject("SELECT MIN(ID_) FROM ACT_RU_TASK", String.class);
		Runnable taskWritten = () -> platform.jdbc.update("UPDATE ACT_RU_TASK SET REV_ = REV_ WHERE ID_ = ?", someTask);
		String target = sizes + "; target p95 < 300 ms";
		record Asked(String user, String filter, String what) {
		}
		// a township (3 of 19 shares of the cards), a department (1 of 19), and every unit's overdue tasks
		List<Asked> asked = List.of(new Asked("township-labao-clerk", myUnit, "a unit's tasks, township clerk"),
				new Asked("dept-housing-clerk", myUnit, "a unit's tasks, department clerk"),
				new Asked("supervisor", countyOverdue, "county: overdue, supervision office"));
		List<Callable<String>> pages = new ArrayList<>();
		List<Callable<String>> counts = new ArrayList<>();
		for (Asked one : asked) {
			gov.county.platform.support.WebappSession session = gov.county.platform.support.WebappSession.login(root,
					one.user(), "demo", "tasklist");
			pages.add(() -> tasklistCall(session, filters + one.filter() + "/list?firstResult=0&maxResults=15",
					"application/hal+json"));
			counts.add(() -> tasklistCall(session, filters + one.filter() + "/count", "application/json"));
		}
		// a JVM that has just started compiles for minutes: requests measured then would count its compilers
		Throughput.WarmUp warm = Throughput.warmUp(() -> {
			try {
				for (int i = 0; i < asked.size(); i++) {
					pages.get(i).call();
					counts.get(i).call();
				}
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}, this.settings.warmUp(), this.settings.maxWarmUp(), QUIET_COMPILER);
		this.results.add(Results.Figure.of(db, "JIT warm-up before Tasklist's requests", "s", List.of(warm.seconds()),
				String.format(Locale.ROOT, "every filter's page and count in turn, on 2 threads, until the compilers used under %.0f %% of a CPU "
						+ "over %d s (at the end: %.0f %%), at most %.0f s", 100 * QUIET_COMPILER, Throughput.QUIET_WINDOW,
						100 * warm.compilingShare(), this.settings.maxWarmUp())));
		List<String> plans = slowPlans(database, () -> {
			for (int i = 0; i < asked.size(); i++) {
				Asked one = asked.get(i);
				Callable<String> page = pages.get(i);
				Callable<String> count = counts.get(i);
				String first = page.call();
				String counted = count.call();
				int shown = first.split("\"caseNo\"", -1).length - 1;
				if (shown == 0) {
					throw new AssertionError("Tasklist's first page of " + one.what() + " shows no case numbers: " + first);
				}
				String note = String.format("%s; the filter counts %s, the page shows %d case numbers", target,
						counted.replaceAll("\\D", ""), shown);
				latencies(db, "Tasklist, " + one.what() + ": first page (15, with variables)", page, taskWritten, note);
				latencies(db, "Tasklist, " + one.what() + ": count", count, taskWritten, note);
				statementsPerRequest(database, platform.jdbc, "Tasklist, " + one.what() + ": first page", page, taskWritten);
			}
			return null;
		});
		for (boolean counting : new boolean[] { false, true }) {
			String what = counting ? "count" : "page";
			// the unit's filter joins the candidate links; the county's reads tasks by their due date
			notePlan(db, plans, "Tasklist's unit filter, " + what + " (the township's)",
					plan -> plan.contains("I.GROUP_ID_") && counts(plan) == counting);
			notePlan(db, plans, "Tasklist's county-wide overdue filter, " + what,
					plan -> plan.contains("ACT_RU_TASK") && !plan.contains("I.GROUP_ID_") && counts(plan) == counting);
		}
	}

	/** A POST of Tasklist's filter body, as the signed-in user; fails unless it is answered 200. */
	private static String tasklistCall(gov.county.platform.support.WebappSession session, String path, String accept) {
		HttpResponse<String> answer = session.post(path, TASKLIST_BODY, accept);
		if (answer.statusCode() != 200) {
			throw new AssertionError(path + " answered " + answer.statusCode() + ": " + answer.body());
		}
		return answer.body();
	}

	/** The statements the database ran for {@code request}, per request, most time first, into the profile. */
	private void statementsPerRequest(Database database, JdbcTemplate jdbc, String what, Callable<?> request,
			Runnable write) throws Exception {
		int n = 10;
		database.countStatements(jdbc);
		for (int i = 0; i < n; i++) {
			write.run();
			request.call();
		}
		List<Database.Statement> ran = database.statements(jdbc)
			.stream()
			.filter(statement -> !statement.sql().contains("REV_ = REV_") && !statement.sql().contains("pg_stat_statements"))
			.toList();
		this.profiles.note(database.label() + ": statements of " + what + " (" + database.statementSource() + ", "
				+ n + " requests, counted after the timed ones)", statementTable(ran, 15, n, "request", 200));
	}

	/** The first {@code rows} statements, their calls, milliseconds and pages divided by {@code per}, each {@code unit}'s. */
	private static String statementTable(List<Database.Statement> statements, int rows, int per, String unit, int width) {
		StringBuilder table = new StringBuilder("   calls     ms  pages  statement (per " + unit + ")\n");
		for (Database.Statement statement : statements.subList(0, Math.min(rows, statements.size()))) {
			String sql = statement.sql().replaceAll("\\s+", " ").trim();
			table.append(String.format(Locale.ROOT, "%8.2f %6.2f %6s  %s%n", (double) statement.calls() / per,
					statement.millis() / per,
					statement.pages() < 0 ? "-" : String.format(Locale.ROOT, "%.1f", (double) statement.pages() / per),
					sql.length() > width ? sql.substring(0, width - 3) + "..." : sql));
		}
		return table.toString();
	}

	/** Tasklist's two queries, as a clerk through /engine-rest, over many open and finished cards. */
	private void queries(Database database, Platform platform) throws Exception {
		String db = database.label();
		List<Unit> units = platform.context.getBean(OrganizationProperties.class).units();
		InstanceCloner cloner = new InstanceCloner(platform.jdbc, database);
		String openTemplate = platform.jdbc.queryForObject(
				"SELECT PROC_INST_ID_ FROM ACT_RU_EXECUTION WHERE BUSINESS_KEY_ = 'SB-2026-000001'", String.class);
		long open = platform.engine.getRuntimeService().createProcessInstanceQuery().count();
		Instant start = Instant.now();
		long rows = cloner.copy(new InstanceCloner.Template(openTemplate, "SB-2026-000001", unit(platform, "township-labao"),
				units, 1), OPEN_CARD, Math.max(0, this.settings.open() - open), "o");
		log(db + ": " + rows + " rows of open cards copied in " + Math.round(seconds(start)) + " s");
		copyFinished(database, platform, cloner, units);
		long openNow = platform.engine.getRuntimeService().createProcessInstanceQuery().count();
		long finishedNow = platform.engine.getHistoryService().createHistoricProcessInstanceQuery().finished().count();
		String sizes = String.format("%,d open, %,d finished cards", openNow, finishedNow);
		this.results.note(db + " query data", sizes);

		long inbox = platform.jdbc.queryForObject("SELECT COUNT(*) FROM notification WHERE channel = 'INBOX' AND "
				+ "recipient IN ('township-labao-clerk', 'township-labao')", Long.class);
		long notices = platform.jdbc.queryForObject("SELECT COUNT(*) FROM notification", Long.class);
		Http http = new Http(platform.port, "township-labao-clerk", "demo");
		String list = "/engine-rest/task?candidateGroups=township-labao&sortBy=dueDate&sortOrder=asc&maxResults=50";
		String count = "/engine-rest/task/count?candidateGroups=township-labao";
		String someTask = platform.jdbc.queryForObject("SELECT MIN(ID_) FROM ACT_RU_TASK", String.class);
		Runnable taskWritten = () -> platform.jdbc.update("UPDATE ACT_RU_TASK SET REV_ = REV_ WHERE ID_ = ?", someTask);
		long someNotice = platform.jdbc.queryForObject("SELECT MIN(id) FROM notification", Long.class);
		List<String> plans = slowPlans(database, () -> {
			latencies(db, "task list (50, by due date)", http, list, taskWritten, sizes + TASK_QUERY_TARGET);
			latencies(db, "task count", http, count, taskWritten, sizes + TASK_QUERY_TARGET);
			// the platform's own inbox, newest first: the storm addressed its warnings and urgings to this unit
			latencies(db, "inbox page (the clerk's and the unit's, newest 50)", http, "/api/notifications?size=50",
					() -> platform.jdbc.update("UPDATE notification SET attempts = attempts WHERE id = ?", someNotice),
					String.format("%,d of the %,d notifications are for the clerk or the unit", inbox, notices));
			return null;
		});
		for (boolean counting : new boolean[] { false, true }) {
			notePlan(db, plans, "Tasklist's task " + (counting ? "count" : "list"),
					plan -> plan.contains("ACT_RU_TASK") && counts(plan) == counting);
		}
		notePlan(db, plans, "the inbox page",
				plan -> plan.contains("UNION ALL") && plan.contains("FROM notification WHERE recipient"));
	}

	/**
	 * Runs {@code measure}; on PostgreSQL, the server meanwhile logs the plan, with actual row counts
	 * and times, of every statement slower than 100 ms, and those it has logged are returned.
	 */
	private static List<String> slowPlans(Database database, Callable<?> measure) throws Exception {
		if (!(database instanceof Database.Postgres postgres)) {
			measure.call();
			return List.of();
		}
		postgres.explainSlowerThan(100);
		try {
			measure.call();
		}
		finally {
			postgres.explainSlowerThan(-1);
		}
		return postgres.plans();
	}

	/** Adds the first of {@code plans} that {@code matches} to the profile. */
	private void notePlan(String db, List<String> plans, String what, Predicate<String> matches) {
		plans.stream()
			.filter(matches)
			.findFirst()
			.ifPresent(plan -> this.profiles.note(db + ": plan of " + what + " (auto_explain)", plan));
	}

	private static boolean counts(String plan) {
		return plan.toLowerCase(Locale.ROOT).contains("count(");
	}

	/**
	 * p50 and p95 of one request. Before each request {@code write} changes a row the query reads, as
	 * clerks' work does all day: H2 hands back a statement's previous result, without running it,
	 * when it runs again with the same parameters and none of its tables has changed since.
	 */
	private void latencies(String db, String what, Getter http, String path, Runnable write, String note)
			throws Exception {
		latencies(db, what, () -> http.get(path, "application/json"), write, note);
	}

	private void latencies(String db, String what, Callable<?> request, Runnable write, String note) throws Exception {
		for (int i = 0; i < 5; i++) {
			write.run();
			request.call();
		}
		List<Double> millis = new ArrayList<>();
		// N samples, or as many as 30 seconds allow (at least 5): a slow query must not stall the run
		long stop = System.nanoTime() + 30_000_000_000L;
		this.profiles.phase(db + ": " + what, () -> {
			for (int i = 0; i < this.settings.queries() && (i < 5 || System.nanoTime() < stop); i++) {
				write.run();
				long t0 = System.nanoTime();
				request.call();
				millis.add((System.nanoTime() - t0) / 1e6);
			}
			return null;
		});
		millis.sort(Double::compare);
		double p50 = millis.get(millis.size() / 2);
		double p95 = millis.get((int) Math.ceil(millis.size() * 0.95) - 1);
		// CPU per request does not depend on what else the machine runs, where the latencies do
		CpuMeter.Use cpu = this.profiles.lastCpu();
		String server = Double.isNaN(cpu.postgresSeconds()) || cpu.postgresSeconds() == 0 ? ""
				: String.format(Locale.ROOT, ", PostgreSQL server %.1f ms", 1000 * cpu.postgresSeconds() / millis.size());
		String used = String.format(Locale.ROOT, "; CPU per request: this JVM %.1f ms (JIT compilers left out)%s; "
				+ "machine %.0f %% busy", 1000 * (cpu.jvmSeconds() - cpu.compilerSeconds()) / millis.size(), server,
				100 * cpu.machineBusyShare());
		this.results.add(new Results.Figure(db, what + " p50", "ms", p50, millis.get(0), millis.get(millis.size() - 1),
				millis.size(), note + used));
		this.results.add(new Results.Figure(db, what + " p95", "ms", p95, millis.get(0), millis.get(millis.size() - 1),
				millis.size(), note + used));
	}

	/** Verify, a filtered page and a CSV export over a large ledger, through the API as the auditor. */
	private void ledger(Database database, Platform platform) throws Exception {
		String db = database.label();
		List<String> units = platform.context.getBean(OrganizationProperties.class)
			.units()
			.stream()
			.map(Unit::id)
			.toList();
		Instant start = Instant.now();
		int cases = LedgerFixtures.write(platform.jdbc, platform.context.getBean(LedgerSeals.class), "LB", this.settings.ledger(), units);
		log(db + ": " + this.settings.ledger() + " ledger entries (" + cases + " cases) written in "
				+ Math.round(seconds(start)) + " s");
		if (database instanceof Database.Postgres) {
			// a county's ledger, written over months, has been vacuumed by autovacuum (which PostgreSQL
			// runs after inserts too), so its pages are marked all-visible and index-only scans skip the
			// table; this one was written a minute ago
			platform.jdbc.execute("VACUUM ANALYZE ledger_entry");
		}
		long entries = platform.jdbc.queryForObject("SELECT COUNT(*) FROM ledger_entry", Long.class);
		Http http = new Http(platform.port, "auditor", "demo");
		List<Double> rates = new ArrayList<>();
		this.profiles.phase(db + ": ledger verify", () -> {
			for (int run = 0; run < this.settings.runs(); run++) {
				long t0 = System.nanoTime();
				String answer = http.get("/api/ledger/verify", "application/json");
				double secs = (System.nanoTime() - t0) / 1e9;
				if (!answer.contains("\"ok\":true")) {
					throw new AssertionError("the ledger does not verify: " + answer);
				}
				rates.add(entries / secs);
			}
			return null;
		});
		this.results.add(Results.Figure.of(db, "ledger verify", "entries/s", rates,
				String.format("%,d entries, sealed (HMAC-SM3); target ≥ 250,000/s", entries)));
		// the ledger grows while it is read: one entry appended before each request
		LedgerService ledgerService = platform.context.getBean(LedgerService.class);
		AtomicInteger appended = new AtomicInteger();
		Runnable ledgerWritten = () -> ledgerService.append(new LedgerEvent("LB-READ-" + appended.incrementAndGet(),
				"InteractionCardProcess", "FILED", "county-platform", "bench", null, "read while written"));
		latencies(db, "ledger page (unit + event filter, 50)", http,
				"/api/ledger?unit=township-labao&event=URGED&page=0&size=50", ledgerWritten,
				String.format("%,d entries", entries));
		// a clerk reads only the cases their unit appears in
		Http clerk = new Http(platform.port, "township-labao-clerk", "demo");
		long unitsEntries = platform.jdbc.queryForObject("SELECT COUNT(*) FROM ledger_entry WHERE case_no IN "
				+ "(SELECT case_no FROM ledger_entry WHERE unit = 'township-labao')", Long.class);
		List<String> plans = slowPlans(database, () -> {
			latencies(db, "ledger page as a unit's clerk (its cases, 50)", clerk, "/api/ledger?page=0&size=50",
					ledgerWritten,
					String.format("%,d entries, %,d of them in the unit's cases", entries, unitsEntries));
			return null;
		});
		for (boolean counting : new boolean[] { false, true }) {
			notePlan(db, plans, "the ledger page as a unit's clerk, " + (counting ? "its count" : "its entries"),
					plan -> plan.contains("FROM ledger_entry v WHERE") && counts(plan) == counting);
		}
		exportRate(db, "ledger CSV export, everything", http, entries, "");
		// a clerk's export of their unit's 台账: the entries of the cases the unit appears in
		exportRate(db, "ledger CSV export as a unit's clerk (its cases)", clerk, unitsEntries,
				String.format("%,d entries in the ledger; ", entries));
	}

	/**
	 * Cockpit's Cases page over a county's finished cases, through the plugin as the auditor signed in
	 * to Cockpit: the newest page, closed cards of one month, a unit's cases (found through the
	 * ledger), and the case view of a case with 200 ledger entries (its chain checked, the look-up
	 * recorded). Issue 22's target: p95 under 300 ms on PostgreSQL.
	 */
	private void cases(Database database, Platform platform) throws Exception {
		String db = database.label();
		int n = this.settings.cases();
		Instant start = Instant.now();
		String insert = "INSERT INTO case_state (case_no, process_key, unit, subject, opened_at, closed_at, "
				+ "extended_days, clock_no, due_at) VALUES (?, ?, ?, ?, ?, ?, 0, 1, ?)";
		List<String> units = platform.context.getBean(OrganizationProperties.class).units().stream().map(Unit::id).toList();
		String[] processes = { "InteractionCardProcess", "InteractionCardProcess", "InteractionCardProcess",
				"RectificationProcess" };
		Instant first = Instant.parse("2023-01-01T00:00:00Z");
		long spread = Duration.ofDays(3 * 365).toSeconds();
		List<Object[]> batch = new ArrayList<>();
		for (int i = 1; i <= n; i++) {
			Instant opened = first.plusSeconds(spread * i / n);
			batch.add(new Object[] { String.format("BC-2026-%07d", i), processes[i % processes.length],
					units.get(i % units.size()), "存量案件 Finished case " + i, opened.atOffset(ZoneOffset.UTC),
					opened.plus(Duration.ofDays(10)).atOffset(ZoneOffset.UTC),
					opened.plus(Duration.ofDays(12)).atOffset(ZoneOffset.UTC) });
			if (batch.size() == 10_000 || i == n) {
				platform.jdbc.batchUpdate(insert, batch);
				batch.clear();
			}
		}
		// the ledger's cases get their state too: a unit's cases are found through the ledger
		platform.jdbc.update("INSERT INTO case_state (case_no, process_key, unit, subject, opened_at, closed_at, "
				+ "extended_days, clock_no) SELECT h.case_no, 'InteractionCardProcess', 'township-labao', 'ledger case', "
				+ "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0, 0 FROM ledger_case_head h WHERE NOT EXISTS "
				+ "(SELECT 1 FROM case_state s WHERE s.case_no = h.case_no)");
		String big = "BV-2026-0000001";
		platform.jdbc.update(insert, big, "InteractionCardProcess", "township-labao", "二百条台账 200 ledger entries",
				Instant.now().atOffset(ZoneOffset.UTC), null, null);
		LedgerService ledgerService = platform.context.getBean(LedgerService.class);
		for (int i = 0; i < 200; i++) {
			ledgerService.append(new LedgerEvent(big, "InteractionCardProcess", i == 0 ? "FILED" : "CO_HANDLED",
					"township-labao", "bench", null, "entry " + i));
		}
		if (database instanceof Database.Postgres) {
			platform.jdbc.execute("VACUUM ANALYZE case_state");
			platform.jdbc.execute("VACUUM ANALYZE ledger_entry");
		}
		long total = platform.jdbc.queryForObject("SELECT COUNT(*) FROM case_state", Long.class);
		long entries = platform.jdbc.queryForObject("SELECT COUNT(*) FROM ledger_entry", Long.class);
		log(db + ": " + n + " finished cases written in " + Math.round(seconds(start)) + " s");
		gov.county.platform.support.WebappSession auditor = gov.county.platform.support.WebappSession
			.login("http://localhost:" + platform.port, "auditor", "demo", "cockpit");
		Getter cockpit = (path, accept) -> {
			HttpResponse<String> answer = auditor.get(path);
			if (answer.statusCode() != 200) {
				throw new AssertionError(path + " answered " + answer.statusCode() + ": " + answer.body());
			}
			return answer.body();
		};
		String plugin = "/camunda/api/cockpit/plugin/county-cases/default";
		AtomicInteger touched = new AtomicInteger();
		Runnable write = () -> platform.jdbc.update("UPDATE case_state SET subject = ? WHERE case_no = ?",
				"二百条台账 200 ledger entries " + touched.incrementAndGet(), big);
		String note = String.format("%,d cases, %,d ledger entries", total, entries);
		latencies(db, "Cases search, newest 50 (Cockpit, auditor)", cockpit, plugin + "/cases?size=50", write, note);
		latencies(db, "Cases search, closed cards filed in one month", cockpit,
				plugin + "/cases?process=InteractionCardProcess&status=CLOSED&from=2024-03-01&to=2024-04-01&size=50", write,
				note);
		latencies(db, "Cases search, a unit's cases (through the ledger)", cockpit,
				plugin + "/cases?unit=township-labao&size=50", write, note);
		latencies(db, "case view, 200 ledger entries, chain checked", cockpit, plugin + "/cases/" + big, write,
				note + "; target p95 < 300 ms on PostgreSQL");
	}

	/** A GET that answers the body, whoever signs it in. */
	@FunctionalInterface
	private interface Getter {

		String get(String path, String accept) throws Exception;

	}

	/** Downloads {@code /api/ledger} as CSV, once per run: the entries it holds per second. */
	private void exportRate(String db, String what, Http http, long exported, String note) throws Exception {
		List<Double> rates = new ArrayList<>();
		long bytes = this.profiles.phase(db + ": " + what, () -> {
			long size = 0;
			for (int run = 0; run < this.settings.runs(); run++) {
				long t0 = System.nanoTime();
				size = http.download("/api/ledger", "text/csv");
				rates.add(exported / ((System.nanoTime() - t0) / 1e9));
			}
			return size;
		});
		this.results.add(Results.Figure.of(db, what, "entries/s", rates,
				String.format("%s%,d entries, %,d MB", note, exported, bytes / (1024 * 1024))));
	}

	/**
	 * With {@code -Dbench.hold=FILE}, keeps the platform and its database up after the phases, until
	 * FILE exists: to try statements by hand on the data the figures were measured on.
	 */
	private static void hold(Platform platform) throws Exception {
		String until = System.getProperty("bench.hold", "").trim();
		if (until.isEmpty()) {
			return;
		}
		String url = platform.context.getEnvironment().getProperty("spring.datasource.url");
		log("holding: the platform at http://localhost:" + platform.port + ", its database at " + url
				+ "; carries on when " + until + " exists");
		while (!java.nio.file.Files.exists(Path.of(until))) {
			Thread.sleep(1000);
		}
		java.nio.file.Files.delete(Path.of(until));
	}

	private void heap(String db) {
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
		this.results.add(Results.Figure.of(db, "heap after full GC (platform with the data above)", "MB",
				List.of(used / (1024.0 * 1024.0)), null));
	}

	private static double seconds(Instant since) {
		return Duration.between(since, Instant.now()).toMillis() / 1000.0;
	}

	private static void log(String message) {
		System.out.println("[bench] " + Instant.now() + " " + message);
	}

	private static int freePort() throws java.io.IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/** A user's HTTP calls with Basic authentication. */
	private record Http(int port, String user, String password) implements Getter {

		private static final HttpClient CLIENT = HttpClient.newHttpClient();

		@Override
		public String get(String path, String accept) throws Exception {
			HttpResponse<String> answer = CLIENT.send(request(path, accept), HttpResponse.BodyHandlers.ofString());
			check(path, answer.statusCode());
			return answer.body();
		}

		long download(String path, String accept) throws Exception {
			HttpResponse<java.io.InputStream> answer = CLIENT.send(request(path, accept),
					HttpResponse.BodyHandlers.ofInputStream());
			check(path, answer.statusCode());
			try (java.io.InputStream body = answer.body()) {
				return body.transferTo(java.io.OutputStream.nullOutputStream());
			}
		}

		private HttpRequest request(String path, String accept) {
			String token = Base64.getEncoder()
				.encodeToString((this.user + ":" + this.password).getBytes(StandardCharsets.UTF_8));
			return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
				.header("Authorization", "Basic " + token)
				.header("Accept", accept)
				.timeout(Duration.ofMinutes(10))
				.build();
		}

		private static void check(String path, int status) {
			if (status != 200) {
				throw new AssertionError(path + " answered " + status);
			}
		}

	}

}
