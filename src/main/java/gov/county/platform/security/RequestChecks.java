package gov.county.platform.security;

import java.io.IOException;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import gov.county.platform.api.CachedBodyRequest;

/**
 * Checks what the engine's REST APIs and the platform API are sent before anything reads it, and
 * answers a bad request with a 400 and a problem body naming the field:
 * <ul>
 * <li>{@code firstResult} and {@code maxResults} must be whole numbers of 0 or more (the engine sent
 * a negative one to the database and answered 500);</li>
 * <li>no text of a JSON body, names included, may carry control characters other than tab, line
 * feed and carriage return: every text field of every start, completion and API call, whichever
 * form or client sent it.</li>
 * </ul>
 */
class RequestChecks extends OncePerRequestFilter {

	static final int MAX_CHECKED_BODY = 16 * 1024 * 1024;

	private static final Pattern WHOLE_NUMBER = Pattern.compile("\\d{1,9}");

	private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F]");

	private static final JsonFactory JSON = new JsonFactory();

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		for (String parameter : new String[] { "firstResult", "maxResults" }) {
			String value = request.getParameter(parameter);
			if (value != null && !WHOLE_NUMBER.matcher(value).matches()) {
				refuse(response, parameter, "'" + parameter + "' 必须是 0 或正整数 must be a whole number of 0 or more");
				return;
			}
		}
		String type = request.getContentType();
		if (type == null || !type.toLowerCase(java.util.Locale.ROOT).contains("json")) {
			chain.doFilter(request, response);
			return;
		}
		byte[] body = request.getInputStream().readNBytes(MAX_CHECKED_BODY + 1);
		if (body.length > MAX_CHECKED_BODY) {
			refuse(response, "body", "请求体过大 The request body is larger than " + MAX_CHECKED_BODY / 1024 / 1024 + " MB");
			return;
		}
		String field = fieldWithControlCharacters(body);
		if (field != null) {
			refuse(response, field, "'" + field + "' 含有控制字符 contains control characters");
			return;
		}
		chain.doFilter(new CachedBodyRequest(request, body), response);
	}

	/** The name (or path) of the first text with control characters, or null; malformed JSON is left to the API. */
	static String fieldWithControlCharacters(byte[] body) {
		try (JsonParser parser = JSON.createParser(body)) {
			for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
				if (token == JsonToken.FIELD_NAME && CONTROL.matcher(parser.currentName()).find()) {
					return "field name";
				}
				if (token == JsonToken.VALUE_STRING && CONTROL.matcher(parser.getText()).find()) {
					return parser.getParsingContext().pathAsPointer().toString().replaceFirst("^/", "");
				}
			}
		}
		catch (JsonProcessingException malformed) {
			return null;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return null;
	}

	private static void refuse(HttpServletResponse response, String field, String detail) throws IOException {
		Problems.write(response, HttpServletResponse.SC_BAD_REQUEST, "Bad Request", detail, field);
	}

}
