package gov.county.platform.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Requests Tomcat refuses before the application sees them (an encoded slash or NUL in the path, a
 * request line too long) are answered as problem+json on {@code /api} paths, like every other API
 * refusal, instead of Tomcat's HTML page.
 */
@Component
class ApiErrorReportValve implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		// the host's error report valve also answers requests Tomcat refused before routing them
		factory.addContextCustomizers(
				context -> ((StandardHost) context.getParent()).setErrorReportValveClass(ProblemValve.class.getName()));
	}

	public static final class ProblemValve extends ErrorReportValve {

		public ProblemValve() {
			setShowReport(false);
			setShowServerInfo(false);
		}

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			String uri = request.getDecodedRequestURI();
			if (uri == null || !uri.startsWith("/api") || response.getStatus() < 400 || response.isCommitted()) {
				super.report(request, response, throwable);
				return;
			}
			try {
				response.resetBuffer();
				response.setContentType("application/problem+json");
				response.setCharacterEncoding(StandardCharsets.UTF_8.name());
				int status = response.getStatus();
				response.getWriter()
					.write("{\"type\":\"about:blank\",\"status\":" + status
							+ ",\"title\":\"Bad Request\",\"detail\":\"The request path or line is not valid\","
							+ "\"field\":\"path\"}");
			}
			catch (IOException | IllegalStateException ex) {
				super.report(request, response, throwable);
			}
		}

	}

}
