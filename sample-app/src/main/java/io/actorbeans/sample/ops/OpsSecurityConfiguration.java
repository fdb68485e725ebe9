package io.actorbeans.sample.ops;

import java.util.regex.Pattern;

import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Security of the service: the service's own endpoints are open, {@code /actuator/health}
 * is public, and every other actuator endpoint needs HTTP basic authentication by a user
 * with role {@value #OPS_ROLE}: anonymous requests get {@code 401}, other users
 * {@code 403}. No sessions are kept.
 *
 * @since 0.1.0
 */
@Configuration(proxyBeanMethods = false)
class OpsSecurityConfiguration {

	/** The role of the operations user. */
	static final String OPS_ROLE = "OPS";

	private static final Pattern ENCODED_PASSWORD = Pattern.compile("^\\{.+}.*$");

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) {
		http.authorizeHttpRequests((requests) -> requests.requestMatchers(EndpointRequest.to(HealthEndpoint.class))
			.permitAll()
			.requestMatchers(EndpointRequest.toAnyEndpoint())
			.hasRole(OPS_ROLE)
			.anyRequest()
			.permitAll());
		http.httpBasic(Customizer.withDefaults());
		http.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		// No session cookie to ride on, and no cross-site form can send what changes
		// state
		// here: DELETE, or a POST with a JSON body, needs a CORS preflight this service
		// never grants.
		http.csrf((csrf) -> csrf.disable());
		return http.build();
	}

	@Bean
	InMemoryUserDetailsManager opsUserDetailsManager(OpsUserProperties ops) {
		String password = ENCODED_PASSWORD.matcher(ops.password()).matches() ? ops.password()
				: "{noop}" + ops.password();
		return new InMemoryUserDetailsManager(
				User.withUsername(ops.username()).password(password).roles(OPS_ROLE).build());
	}

}
