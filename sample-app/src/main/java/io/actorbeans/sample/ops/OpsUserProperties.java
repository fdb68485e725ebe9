package io.actorbeans.sample.ops;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * The operations user, under {@code sample.ops}: the one user allowed to call the
 * operational actuator endpoints. Without a configured password, a random one is
 * generated and logged at startup, as Spring Boot does for its default user.
 * <p>
 * Immutable and thread-safe.
 *
 * @param username Name of the ops user.
 * @param password Password of the ops user: plain, or encoded with its algorithm's prefix
 * such as "{bcrypt}...". When unset, a random one is generated and logged at startup.
 * @since 0.1.0
 */
@ConfigurationProperties("sample.ops")
public record OpsUserProperties(String username, String password) {

	private static final Logger logger = LoggerFactory.getLogger(OpsUserProperties.class);

	/**
	 * Bind the properties, generating a password when none is set.
	 * @param username the user's name
	 * @param password the password, or {@code null} to generate one
	 */
	public OpsUserProperties(@DefaultValue("ops") String username, @Nullable String password) {
		Assert.hasText(username, "'sample.ops.username' must not be empty");
		this.username = username;
		this.password = StringUtils.hasText(password) ? password : generatePassword(username);
	}

	private static String generatePassword(String username) {
		String password = UUID.randomUUID().toString();
		logger.warn(String.format("%n%nUsing generated password for the ops user '%s': %s%n%n"
				+ "This generated password is for development use only. "
				+ "Set sample.ops.password before running the service in production.%n", username, password));
		return password;
	}

}
