package gov.county.platform.cockpit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginResource;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;
import org.springframework.context.ApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;

import com.fasterxml.jackson.databind.ObjectMapper;

import gov.county.platform.api.ApiProblem;
import gov.county.platform.calendar.CalendarProperties;
import gov.county.platform.cases.CaseFiles;
import gov.county.platform.cases.CaseSearch;
import gov.county.platform.ledger.CaseChainCheck;
import gov.county.platform.ledger.EventType;
import gov.county.platform.ledger.LedgerService;
import gov.county.platform.organization.Directory;
import gov.county.platform.organization.WellKnownGroups;
import gov.county.platform.security.PlatformUser;
import gov.county.platform.security.WebappCallers;

/**
 * {@code /camunda/api/cockpit/plugin/county-cases/{engine}/...}: the Cases plugin's data, behind
 * Cockpit's own sign-in (and its CSRF protection for anything but reading). The same rules as the
 * platform API: a unit's members see only the cases their unit appears in; every look-up of a case
 * is recorded in the audit trail.
 */
@Path("plugin/" + CasesCockpitPlugin.ID)
public class CasesCockpitResource extends AbstractCockpitPluginRootResource {

	public CasesCockpitResource() {
		super(CasesCockpitPlugin.ID);
	}

	@Path("{engine}")
	public EngineCases engine(@PathParam("engine") String engine) {
		return subResource(
				new EngineCases(engine, WebApplicationContextUtils.getRequiredWebApplicationContext(this.servletContext)),
				engine);
	}

	/** The cases of one engine (the platform runs one, "default"). */
	public static class EngineCases extends AbstractCockpitPluginResource {

		private final ApplicationContext spring;

		EngineCases(String engine, ApplicationContext spring) {
			super(engine);
			this.spring = spring;
		}

		/** The Cases list: the same parameters as {@code GET /api/cases}. */
		@GET
		@Path("cases")
		@Produces(MediaType.APPLICATION_JSON)
		public Map<String, Object> search(@QueryParam("caseNo") String caseNo, @QueryParam("process") String process,
				@QueryParam("unit") String unit, @QueryParam("event") String event, @QueryParam("status") String status,
				@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("page") Integer page,
				@QueryParam("size") Integer size) {
			PlatformUser caller = caller();
			int pageNo = page == null ? 0 : page;
			int pageSize = size == null ? 50 : size;
			if (pageNo < 0 || pageSize < 1 || pageSize > 200) {
				throw refused(Response.Status.BAD_REQUEST, "page 从 0 起，size 为 1-200 page from 0, size 1 to 200");
			}
			return json(withRefusals(() -> {
				CaseSearch search = this.spring.getBean(CaseSearch.class);
				return search.search(search.query(caseNo, process, unit, event, status, from, to), caller, pageNo,
						pageSize);
			}));
		}

		/** The Cases list as a CSV download (a link in the page, sent with Cockpit's session). */
		@GET
		@Path("cases.csv")
		@Produces("text/csv;charset=UTF-8")
		public Response csv(@QueryParam("caseNo") String caseNo, @QueryParam("process") String process,
				@QueryParam("unit") String unit, @QueryParam("event") String event, @QueryParam("status") String status,
				@QueryParam("from") String from, @QueryParam("to") String to) {
			PlatformUser caller = caller();
			CaseSearch search = this.spring.getBean(CaseSearch.class);
			CaseSearch.Query query = withRefusals(() -> search.query(caseNo, process, unit, event, status, from, to));
			jakarta.ws.rs.core.StreamingOutput body = stream -> {
				java.io.PrintWriter out = new java.io.PrintWriter(
						new java.io.OutputStreamWriter(stream, java.nio.charset.StandardCharsets.UTF_8));
				search.csv(query, caller, out);
				out.flush();
			};
			return Response.ok(body).header("Content-Disposition", "attachment; filename=\"cases.csv\"").build();
		}

		/** One case: the platform's view (state, tasks open and completed, ledger), its chain checked. */
		@GET
		@Path("cases/{caseNo}")
		@Produces(MediaType.APPLICATION_JSON)
		public Map<String, Object> view(@PathParam("caseNo") String caseNo, @QueryParam("reveal") boolean reveal) {
			PlatformUser caller = caller();
			Object view = withRefusals(() -> this.spring.getBean(CaseFiles.class)
				.find(caseNo, caller, reveal, "Cockpit")
				.orElseThrow(() -> refused(Response.Status.NOT_FOUND,
						"没有您可以查看的案件 " + caseNo + " No case " + caseNo + " that you may see")));
			Map<String, Object> out = new LinkedHashMap<>(json(view));
			out.put("verification", json(this.spring.getBean(CaseChainCheck.class).check(caseNo)));
			out.put("units", unitNames());
			Map<String, String> events = new LinkedHashMap<>();
			Map<String, String> people = new LinkedHashMap<>();
			Directory directory = this.spring.getBean(Directory.class);
			for (Object entry : (List<?>) out.getOrDefault("ledger", List.of())) {
				Map<?, ?> e = (Map<?, ?>) entry;
				events.putIfAbsent(String.valueOf(e.get("event")), EventType.labelOf(String.valueOf(e.get("event"))));
				people.putIfAbsent(String.valueOf(e.get("actor")), directory.displayName(String.valueOf(e.get("actor"))));
			}
			for (Object task : (List<?>) out.getOrDefault("completedTasks", List.of())) {
				Object who = ((Map<?, ?>) task).get("completedBy");
				if (who != null) {
					people.putIfAbsent(who.toString(), directory.displayName(who.toString()));
				}
			}
			out.put("events", events);
			out.put("people", people);
			out.put("zone", this.spring.getBean(CalendarProperties.class).zone().getId());
			out.put("mayReveal", "MASKED".equals(out.get("personalDataShown"))
					&& caller.groups().contains(WellKnownGroups.AUDITORS));
			Object instance = out.get("processInstanceId");
			out.put("engineHistory", instance == null ? Map.of()
					: this.spring.getBean(EngineHistory.class).of(instance.toString()));
			out.put("diagram", instance == null ? null
					: this.spring.getBean(CaseDiagram.class).of(instance.toString()).map(this::json).orElse(null));
			return out;
		}

		/**
		 * Whether Cockpit should offer the signed-in user buttons that change cases (delete, suspend,
		 * retry, edit variables): only system administrators may use them; for everyone else
		 * (auditors, the audit administrator, the county offices) the engine would refuse them anyway.
		 */
		@GET
		@Path("me")
		@Produces(MediaType.APPLICATION_JSON)
		public Map<String, Object> me() {
			PlatformUser caller = caller();
			Map<String, Object> out = new LinkedHashMap<>();
			out.put("userId", caller.id());
			out.put("readOnly", !caller.groups().contains(WellKnownGroups.ADMINS));
			return out;
		}

		/** The organisation chart's units, for the search form: id and name. */
		@GET
		@Path("units")
		@Produces(MediaType.APPLICATION_JSON)
		public Map<String, Object> units() {
			caller();
			Map<String, Object> out = new LinkedHashMap<>();
			out.put("units", unitNames());
			out.put("zone", this.spring.getBean(CalendarProperties.class).zone().getId());
			return out;
		}

		/** Open, overdue and escalated cases per unit. */
		@GET
		@Path("dashboard")
		@Produces(MediaType.APPLICATION_JSON)
		public Map<String, Object> dashboard() {
			PlatformUser caller = caller();
			Map<String, Object> out = new LinkedHashMap<>();
			out.put("units", this.spring.getBean(CaseSearch.class).perUnit(caller).stream().map(this::json).toList());
			out.put("mayVerifyLedger", caller.isOversight());
			return out;
		}

		/** The whole ledger checked, as {@code /api/ledger/verify}: for the county offices, auditors and admins. */
		@GET
		@Path("ledger/verify")
		@Produces(MediaType.APPLICATION_JSON)
		public Map<String, Object> verifyLedger() {
			if (!caller().isOversight()) {
				throw refused(Response.Status.FORBIDDEN, "只有县级部门、审计员和管理员可以校验整个台账 Only the county "
						+ "offices, auditors and admins may verify the whole ledger");
			}
			return json(this.spring.getBean(LedgerService.class).verify());
		}

		private Map<String, String> unitNames() {
			Map<String, String> names = new LinkedHashMap<>();
			this.spring.getBean(Directory.class).units().forEach(u -> names.put(u.id(), u.name()));
			return names;
		}

		private PlatformUser caller() {
			return WebappCallers.signedIn(getProcessEngine());
		}

		/** As the platform's API writes it: dates as ISO-8601 text. */
		@SuppressWarnings("unchecked")
		private Map<String, Object> json(Object value) {
			return this.spring.getBean(ObjectMapper.class).convertValue(value, Map.class);
		}

		/** The platform's refusals (a parameter at fault, a case not found) as this API's. */
		private static <T> T withRefusals(java.util.function.Supplier<T> action) {
			try {
				return action.get();
			}
			catch (ApiProblem problem) {
				throw refused(Response.Status.fromStatusCode(problem.status().value()), problem.getMessage());
			}
		}

		private static WebApplicationException refused(Response.Status status, String message) {
			return WebappCallers.refused(status, message);
		}

	}

}
