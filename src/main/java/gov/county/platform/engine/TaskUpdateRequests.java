package gov.county.platform.engine;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import gov.county.platform.api.CachedBodyRequest;

/**
 * Works around a defect of the engine's REST API in 7.24: updating a task ({@code PUT /task/{id}},
 * which Tasklist sends to set or clear a due or follow-up date) fails with "Cannot construct
 * instance of CamundaFormRef" when the task has a Camunda Form ({@code camunda:formRef}), because
 * Tasklist sends back the task as it read it, form reference included, and the API cannot read that
 * field. The update never changes the form, so the field is dropped before the API reads the body.
 */
@Configuration
class TaskUpdateRequests {

	private static final Pattern TASK_UPDATE = Pattern.compile(".*/task/[^/]+/?$");

	@Bean
	FilterRegistrationBean<WithoutFormRef> taskUpdatesWithoutFormRef() {
		FilterRegistrationBean<WithoutFormRef> registration = new FilterRegistrationBean<>(new WithoutFormRef());
		registration.setName("taskUpdatesWithoutFormRef");
		registration.addUrlPatterns("/engine-rest/task/*", "/camunda/api/engine/engine/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		return registration;
	}

	static final class WithoutFormRef extends OncePerRequestFilter {

		private static final ObjectMapper JSON = new ObjectMapper();

		@Override
		protected boolean shouldNotFilter(HttpServletRequest request) {
			String type = request.getContentType();
			return !"PUT".equals(request.getMethod()) || !TASK_UPDATE.matcher(request.getRequestURI()).matches()
					|| type == null || !type.toLowerCase(java.util.Locale.ROOT).contains("json");
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			byte[] body = request.getInputStream().readAllBytes();
			JsonNode task;
			try {
				task = JSON.readTree(body);
			}
			catch (IOException malformed) {
				// the API names what is wrong with it
				chain.doFilter(new CachedBodyRequest(request, body), response);
				return;
			}
			if (task instanceof ObjectNode object && object.has("camundaFormRef")) {
				object.remove("camundaFormRef");
				body = JSON.writeValueAsBytes(object);
			}
			chain.doFilter(new CachedBodyRequest(request, body), response);
		}

	}

}
