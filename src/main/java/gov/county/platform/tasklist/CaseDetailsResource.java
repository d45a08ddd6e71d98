package gov.county.platform.tasklist;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.camunda.bpm.tasklist.resource.AbstractTasklistPluginResource;
import org.camunda.bpm.tasklist.resource.AbstractTasklistPluginRootResource;
import org.springframework.context.ApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;

import gov.county.platform.cases.CaseAccess;
import gov.county.platform.security.PlatformUser;
import gov.county.platform.security.WebappCallers;

/**
 * {@code /camunda/api/tasklist/plugin/case-details/{engine}/tasks/{taskId}}: the case of a task the
 * signed-in user may see, with its submitter as they may see them. Behind the webapps' own login
 * and CSRF protection.
 */
@Path("plugin/" + CaseDetailsPlugin.ID)
public class CaseDetailsResource extends AbstractTasklistPluginRootResource {

	public CaseDetailsResource() {
		super(CaseDetailsPlugin.ID);
	}

	@Path("{engine}/tasks")
	public Tasks tasks(@PathParam("engine") String engine) {
		return subResource(new Tasks(engine, WebApplicationContextUtils.getRequiredWebApplicationContext(this.servletContext)),
				engine);
	}

	public static class Tasks extends AbstractTasklistPluginResource {

		/**
		 * Whether the signed-in user may work on the task (claim, complete, set its dates): a member of
		 * one of its units, or its assignee. The county offices read every unit's tasks in their
		 * county-wide filters without working on them; Tasklist then hides what would be refused.
		 */
		@GET
		@Path("{taskId}/work")
		@Produces(MediaType.APPLICATION_JSON)
		public Map<String, Object> mayWork(@PathParam("taskId") String taskId) {
			PlatformUser user = WebappCallers.signedIn(getProcessEngine());
			org.camunda.bpm.engine.task.Task task = gov.county.platform.engine.Callers.as(
					getProcessEngine().getIdentityService(), user.id(), user.groups(),
					() -> getProcessEngine().getTaskService().createTaskQuery().taskId(taskId).singleResult());
			if (task == null) {
				throw WebappCallers.refused(Response.Status.NOT_FOUND, "没有您可查看的此任务 No such task that you may see");
			}
			boolean theirs = user.id().equals(task.getAssignee()) || gov.county.platform.engine.Callers.asPlatform(
					getProcessEngine().getIdentityService(),
					() -> getProcessEngine().getTaskService()
						.getIdentityLinksForTask(taskId)
						.stream()
						.anyMatch(link -> link.getGroupId() != null && user.groups().contains(link.getGroupId())));
			Map<String, Object> answer = new LinkedHashMap<>();
			answer.put("taskId", taskId);
			answer.put("mayWork", theirs);
			return answer;
		}

		private final ApplicationContext spring;

		Tasks(String engine, ApplicationContext spring) {
			super(engine);
			this.spring = spring;
		}

		@GET
		@Path("{taskId}")
		@Produces(MediaType.APPLICATION_JSON)
		public Map<String, Object> caseOfTask(@PathParam("taskId") String taskId) {
			PlatformUser user = WebappCallers.signedIn(getProcessEngine());
			CaseAccess.TaskCase found = this.spring.getBean(CaseAccess.class)
				.ofTask(taskId, user)
				.orElseThrow(() -> WebappCallers.refused(Response.Status.NOT_FOUND,
						"没有您可查看的此任务的案件 No case of this task that you may see"));
			Map<String, Object> answer = new LinkedHashMap<>();
			answer.put("caseNo", found.caseNo());
			answer.put("personalDataShown", found.submitter().shown().name());
			answer.put("personalData", found.submitter().values());
			return answer;
		}

	}

}
