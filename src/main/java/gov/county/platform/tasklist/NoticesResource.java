package gov.county.platform.tasklist;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.camunda.bpm.tasklist.resource.AbstractTasklistPluginResource;
import org.camunda.bpm.tasklist.resource.AbstractTasklistPluginRootResource;
import org.springframework.context.ApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;

import gov.county.platform.api.ApiProblem;
import gov.county.platform.security.PlatformUser;
import gov.county.platform.security.WebappCallers;

/**
 * {@code /camunda/api/tasklist/plugin/county-notices/{engine}/notices?page=&size=}: the notices to the
 * signed-in user and their units, newest first, as {@code GET /api/notifications} reads them, behind
 * the webapps' own sign-in. Nobody signed in gets 401.
 */
@Path("plugin/" + NoticesPlugin.ID)
public class NoticesResource extends AbstractTasklistPluginRootResource {

	static final int DEFAULT_SIZE = 20;

	public NoticesResource() {
		super(NoticesPlugin.ID);
	}

	@Path("{engine}/notices")
	public Notices notices(@PathParam("engine") String engine) {
		return subResource(
				new Notices(engine, WebApplicationContextUtils.getRequiredWebApplicationContext(this.servletContext)),
				engine);
	}

	public static class Notices extends AbstractTasklistPluginResource {

		private final ApplicationContext spring;

		Notices(String engine, ApplicationContext spring) {
			super(engine);
			this.spring = spring;
		}

		@GET
		@Produces(MediaType.APPLICATION_JSON)
		public TasklistNotices.Page page(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
			PlatformUser user = WebappCallers.signedIn(getProcessEngine());
			int pageNo = page == null ? 0 : page;
			int pageSize = size == null ? DEFAULT_SIZE : size;
			try {
				ApiProblem.checkPaging(pageNo, pageSize);
			}
			catch (ApiProblem problem) {
				throw WebappCallers.refused(Response.Status.BAD_REQUEST, problem.getMessage());
			}
			return this.spring.getBean(TasklistNotices.class).page(user, pageNo, pageSize);
		}

	}

}
