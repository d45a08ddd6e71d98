package gov.county.platform.security;

import java.util.List;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import gov.county.platform.api.ApiProblem;
import gov.county.platform.organization.Directory;

/**
 * Nobody reaches the engine REST API or the platform API without a login. The Camunda webapps keep
 * their own session login; {@code /api/public/**} is open.
 */
@Configuration
class SecurityConfiguration implements WebMvcConfigurer {

	@Bean
	FilterRegistrationBean<ResponseHeaders> responseHeaders() {
		FilterRegistrationBean<ResponseHeaders> registration = new FilterRegistrationBean<>(new ResponseHeaders());
		registration.setName("response-headers");
		registration.addUrlPatterns("/*");
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	/** The client's address and way in, for the audit trail, around everything else. */
	@Bean
	FilterRegistrationBean<RequestOrigin.Filter> requestOrigin() {
		FilterRegistrationBean<RequestOrigin.Filter> registration = new FilterRegistrationBean<>(new RequestOrigin.Filter());
		registration.setName("request-origin");
		registration.addUrlPatterns("/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		return registration;
	}

	/** Refuses sign-ins from an address that failed too often, before any password is checked. */
	@Bean
	FilterRegistrationBean<LoginThrottle> loginThrottle(SecurityProperties security, AuditTrail audit) {
		FilterRegistrationBean<LoginThrottle> registration = new FilterRegistrationBean<>(new LoginThrottle(
				security.signIn().addressMaxFailures(), security.signIn().addressWindow(), audit));
		registration.setName("login-throttle");
		registration.addUrlPatterns("/engine-rest/*", "/api/*", "/api", "/camunda/api/admin/auth/user/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
		return registration;
	}

	/** Camunda's REST starter registers no authentication: this does, with the engine's users. */
	@Bean
	FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
		FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration = new FilterRegistrationBean<>(
				new ProcessEngineAuthenticationFilter());
		registration.setName("engine-rest-authentication");
		registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
				HttpBasicAuthenticationProvider.class.getName());
		registration.addUrlPatterns("/engine-rest/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	/** Bad paging parameters and control characters in JSON bodies: a 400 before anything reads them. */
	@Bean
	FilterRegistrationBean<RequestChecks> requestChecks() {
		FilterRegistrationBean<RequestChecks> registration = new FilterRegistrationBean<>(new RequestChecks());
		registration.setName("request-checks");
		registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*", "/api/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		return registration;
	}

	/** Statistics and reports only for Cockpit's users; after the engine REST API's sign-in. */
	@Bean
	FilterRegistrationBean<CockpitStatistics> cockpitStatistics(IdentityService identity,
			AuthorizationService authorizations) {
		FilterRegistrationBean<CockpitStatistics> registration = new FilterRegistrationBean<>(
				new CockpitStatistics(identity, authorizations));
		registration.setName("cockpit-statistics");
		registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*", "/camunda/api/cockpit/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		return registration;
	}

	@Bean
	FilterRegistrationBean<ApiAuthenticationFilter> apiAuthentication(IdentityService identity, Directory directory) {
		FilterRegistrationBean<ApiAuthenticationFilter> registration = new FilterRegistrationBean<>(
				new ApiAuthenticationFilter(identity, directory));
		registration.setName("api-authentication");
		registration.addUrlPatterns("/api/*", "/api");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new HandlerMethodArgumentResolver() {
			@Override
			public boolean supportsParameter(MethodParameter parameter) {
				return parameter.getParameterType() == PlatformUser.class;
			}

			@Override
			public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav,
					NativeWebRequest request, WebDataBinderFactory binderFactory) {
				HttpServletRequest servletRequest = request.getNativeRequest(HttpServletRequest.class);
				Object user = servletRequest == null ? null
						: servletRequest.getAttribute(ApiAuthenticationFilter.USER_ATTRIBUTE);
				if (user == null) {
					// fail closed: a route the authentication filter did not see gets no user
					throw new ApiProblem(HttpStatus.UNAUTHORIZED, "Authorization", "This API needs a login");
				}
				return user;
			}
		});
	}

}
