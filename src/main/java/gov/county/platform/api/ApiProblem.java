package gov.county.platform.api;

import org.springframework.http.HttpStatus;

/**
 * A refused API request: the status, what is wrong, and the field at fault. Answered as
 * {@code application/problem+json} with a {@code field} member.
 */
public class ApiProblem extends RuntimeException {

	public static final int MAX_PAGE_SIZE = 500;

	private final HttpStatus status;

	private final String field;

	private final java.util.Map<String, String> errors;

	public ApiProblem(HttpStatus status, String field, String detail) {
		this(status, field, detail, java.util.Map.of());
	}

	/** A refusal with every field at fault in {@code errors}; {@code field} names the first. */
	public ApiProblem(HttpStatus status, String field, String detail, java.util.Map<String, String> errors) {
		super(detail);
		this.status = status;
		this.field = field;
		this.errors = errors;
	}

	public java.util.Map<String, String> errors() {
		return this.errors;
	}

	public static ApiProblem badRequest(String field, String detail) {
		return new ApiProblem(HttpStatus.BAD_REQUEST, field, detail);
	}

	public static ApiProblem forbidden(String detail) {
		return new ApiProblem(HttpStatus.FORBIDDEN, null, detail);
	}

	public HttpStatus status() {
		return this.status;
	}

	public String field() {
		return this.field;
	}

	/** Refuses a page below 0 or a size outside 1..{@value #MAX_PAGE_SIZE}. */
	public static void checkPaging(int page, int size) {
		if (page < 0) {
			throw badRequest("page", "page must be 0 or more, was " + page);
		}
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw badRequest("size", "size must be between 1 and " + MAX_PAGE_SIZE + ", was " + size);
		}
		if ((long) page * size > Integer.MAX_VALUE) {
			throw badRequest("page", "page " + page + " is beyond any result");
		}
	}

}
