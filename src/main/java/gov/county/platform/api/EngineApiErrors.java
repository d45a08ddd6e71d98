package gov.county.platform.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.Response;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;

/**
 * Refusals that reach the engine's REST APIs ({@code /engine-rest} and the webapps' engine API)
 * wrapped in a server error are answered as what they are. Camunda's resources turn any engine
 * exception of a start or a task completion into a 500; when the cause is a rule of the platform
 * ({@link InvalidInput}: a missing or wrong field), a bad request the engine recognised
 * ({@link BadUserRequestException}) or a refused permission, the caller gets a 400 or 403 with a
 * problem body naming the field. Every other failure keeps Camunda's own answer.
 * <p>
 * The body carries RFC 9457's members ({@code title}, {@code status}, {@code detail}, {@code field},
 * {@code errors}) and Camunda's ({@code type}, {@code message}), which Tasklist shows to the clerk.
 * Installed into every Jersey application of the platform by Jersey's auto-discovery, ahead of
 * Camunda's mappers of the same exception types.
 */
public final class EngineApiErrors implements AutoDiscoverable {

	/** Ahead of Camunda's mappers, which have Jersey's default rank (5000). */
	static final int AHEAD_OF_CAMUNDA = 1000;

	@Override
	public void configure(FeatureContext context) {
		context.register(RestExceptions.class, AHEAD_OF_CAMUNDA);
		context.register(EngineExceptions.class, AHEAD_OF_CAMUNDA);
		context.register(OtherExceptions.class, AHEAD_OF_CAMUNDA);
	}

	/** What the engine says, in a plain {@link ProcessEngineException}, of a password the policy refuses. */
	static final String PASSWORD_REFUSED = "Password does not match policy";

	/** A refusal found in an exception's causes. */
	record Refusal(Response.Status status, Throwable cause) {

		Response response() {
			Map<String, Object> body = new LinkedHashMap<>();
			String detail = PASSWORD_REFUSED.equals(this.cause.getMessage())
					? "密码不符合密码策略，规则见 /engine-rest/identity/password-policy。 The password does not meet the "
							+ "password policy; GET /engine-rest/identity/password-policy lists its rules."
					: this.cause.getMessage();
			body.put("type", this.cause.getClass().getSimpleName());
			body.put("title", this.status.getReasonPhrase());
			body.put("status", this.status.getStatusCode());
			body.put("detail", detail);
			body.put("message", detail);
			if (this.cause instanceof InvalidInput invalid) {
				Map<String, String> errors = new LinkedHashMap<>();
				invalid.problems().forEach(p -> errors.putIfAbsent(p.field(), p.message()));
				body.put("field", invalid.problems().get(0).field());
				body.put("errors", errors);
			}
			return Response.status(this.status).type("application/problem+json").entity(body).build();
		}

	}

	/** The refusal among {@code thrown} and its causes, if any. */
	static Optional<Refusal> refusal(Throwable thrown) {
		int depth = 0;
		for (Throwable t = thrown; t != null && depth < 16; t = t.getCause(), depth++) {
			if (t instanceof InvalidInput) {
				return Optional.of(new Refusal(Response.Status.BAD_REQUEST, t));
			}
			if (t instanceof AuthorizationException) {
				// Camunda answers an authorization exception of its own with 403; wrapped, it would be a 500
				return t == thrown ? Optional.empty() : Optional.of(new Refusal(Response.Status.FORBIDDEN, t));
			}
			if (t instanceof BadUserRequestException) {
				return t == thrown ? Optional.empty() : Optional.of(new Refusal(Response.Status.BAD_REQUEST, t));
			}
			if (t.getClass() == ProcessEngineException.class && PASSWORD_REFUSED.equals(t.getMessage())) {
				return Optional.of(new Refusal(Response.Status.BAD_REQUEST, t));
			}
		}
		return Optional.empty();
	}

	abstract static class RefusalMapper<T extends Throwable> implements ExtendedExceptionMapper<T> {

		@Override
		public boolean isMappable(T exception) {
			return refusal(exception).isPresent();
		}

		@Override
		public Response toResponse(T exception) {
			return refusal(exception).orElseThrow().response();
		}

	}

	@Priority(AHEAD_OF_CAMUNDA)
	public static final class RestExceptions extends RefusalMapper<RestException> {

	}

	@Priority(AHEAD_OF_CAMUNDA)
	public static final class EngineExceptions extends RefusalMapper<ProcessEngineException> {

	}

	@Priority(AHEAD_OF_CAMUNDA)
	public static final class OtherExceptions extends RefusalMapper<Throwable> {

	}

}
