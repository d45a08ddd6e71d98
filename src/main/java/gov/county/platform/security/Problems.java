package gov.county.platform.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

/**
 * A refusal written by one of the platform's servlet filters, before any API or the engine sees the
 * request: {@code application/problem+json} as the platform API's own refusals, in UTF-8 (JSON's
 * only encoding, so the type carries no charset), with Camunda's {@code message} beside the detail.
 */
final class Problems {

	private Problems() {
	}

	static void write(HttpServletResponse response, int status, String title, String detail, String field)
			throws IOException {
		response.setStatus(status);
		response.setContentType("application/problem+json");
		String body = "{\"type\":\"about:blank\",\"title\":" + quoted(title) + ",\"status\":" + status + ",\"detail\":"
				+ quoted(detail) + ",\"message\":" + quoted(detail)
				+ (field == null ? "" : ",\"field\":" + quoted(field)) + "}";
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		response.setContentLength(bytes.length);
		response.getOutputStream().write(bytes);
	}

	private static String quoted(String text) {
		StringBuilder out = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			if (c == '"' || c == '\\') {
				out.append('\\').append(c);
			}
			else if (c < 0x20) {
				out.append(String.format("\\u%04x", (int) c));
			}
			else {
				out.append(c);
			}
		}
		return out.append('"').toString();
	}

}
