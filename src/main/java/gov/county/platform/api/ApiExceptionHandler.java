package gov.county.platform.api;

import java.net.URI;

import com.fasterxml.jackson.databind.JsonMappingException;
import org.camunda.bpm.engine.AuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every refusal of the platform API is {@code application/problem+json} with the field at fault;
 * an unexpected failure is a 500 that names no internals and is logged in full.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice
class ApiExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	@ExceptionHandler(ApiProblem.class)
	ResponseEntity<ProblemDetail> problem(ApiProblem ex) {
		ResponseEntity<ProblemDetail> answer = answer(ex.status(), ex.getMessage(), ex.field());
		if (!ex.errors().isEmpty()) {
			answer.getBody().setProperty("errors", ex.errors());
		}
		return answer;
	}

	/** Every field at fault in {@code errors}, the first in {@code field}. */
	@ExceptionHandler(InvalidInput.class)
	ResponseEntity<ProblemDetail> invalid(InvalidInput ex) {
		java.util.Map<String, String> errors = new java.util.LinkedHashMap<>();
		ex.problems().forEach(p -> errors.putIfAbsent(p.field(), p.message()));
		InvalidInput.Problem first = ex.problems().get(0);
		ResponseEntity<ProblemDetail> answer = answer(HttpStatus.BAD_REQUEST, first.field() + " " + first.message(),
				first.field());
		answer.getBody().setProperty("errors", errors);
		return answer;
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
		String expected = ex.getRequiredType() == null ? "another type" : ex.getRequiredType().getSimpleName();
		return answer(HttpStatus.BAD_REQUEST, "'" + ex.getName() + "' must be " + article(expected) + ", was '"
				+ ex.getValue() + "'", ex.getName());
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException ex) {
		return answer(HttpStatus.BAD_REQUEST, "'" + ex.getParameterName() + "' is required", ex.getParameterName());
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ex) {
		if (ex.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
			String field = mapping.getPath()
				.stream()
				.map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
				.reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
				.orElse(null);
			return answer(HttpStatus.BAD_REQUEST, "'" + field + "' has a value of the wrong type or format", field);
		}
		return answer(HttpStatus.BAD_REQUEST, "The request body is not valid JSON", "body");
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException ex) {
		return answer(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json, not " + ex.getContentType(),
				"Content-Type");
	}

	@ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
	ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException ex) {
		return answer(HttpStatus.NOT_ACCEPTABLE, "This resource is available as " + ex.getSupportedMediaTypes(),
				"Accept");
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException ex) {
		return answer(HttpStatus.METHOD_NOT_ALLOWED, "Method " + ex.getMethod() + " is not supported here", null);
	}

	@ExceptionHandler(NoResourceFoundException.class)
	ResponseEntity<ProblemDetail> notFound(NoResourceFoundException ex) {
		return answer(HttpStatus.NOT_FOUND, "No such resource: /" + ex.getResourcePath(), null);
	}

	@ExceptionHandler(AuthorizationException.class)
	ResponseEntity<ProblemDetail> forbidden(AuthorizationException ex) {
		return answer(HttpStatus.FORBIDDEN, ex.getMessage(), null);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		log.error("Unexpected failure of an API request", ex);
		return answer(HttpStatus.INTERNAL_SERVER_ERROR,
				"The platform could not complete this request; nothing was changed. The error is in the server log.",
				null);
	}

	static ResponseEntity<ProblemDetail> answer(HttpStatus status, String detail, String field) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("about:blank"));
		if (field != null) {
			problem.setProperty("field", field);
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private static String article(String type) {
		return switch (type) {
			case "int", "Integer", "long", "Long" -> "a whole number";
			case "Instant", "OffsetDateTime" -> "an ISO-8601 date-time such as 2026-03-01T00:00:00+08:00";
			case "LocalDate" -> "a date such as 2026-03-01";
			default -> "a " + type;
		};
	}

}
