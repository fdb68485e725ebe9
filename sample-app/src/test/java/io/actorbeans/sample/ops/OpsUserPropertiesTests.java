package io.actorbeans.sample.ops;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of binding the {@link OpsUserProperties}.
 */
@ExtendWith(OutputCaptureExtension.class)
class OpsUserPropertiesTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withUserConfiguration(PropertiesConfiguration.class);

	@Test
	void configuredUserIsUsedAndItsPasswordNotLogged(CapturedOutput output) {
		this.contextRunner.withPropertyValues("sample.ops.username=operator", "sample.ops.password=s3cret")
			.run((context) -> {
				OpsUserProperties ops = context.getBean(OpsUserProperties.class);
				assertThat(ops.username()).isEqualTo("operator");
				assertThat(ops.password()).isEqualTo("s3cret");
			});
		assertThat(output).doesNotContain("s3cret").doesNotContain("generated password");
	}

	@Test
	void usernameDefaultsToOps() {
		this.contextRunner.withPropertyValues("sample.ops.password=s3cret")
			.run((context) -> assertThat(context.getBean(OpsUserProperties.class).username()).isEqualTo("ops"));
	}

	@Test
	void missingPasswordIsGeneratedAndLogged(CapturedOutput output) {
		this.contextRunner.run((context) -> {
			String password = context.getBean(OpsUserProperties.class).password();
			assertThat(password).hasSizeGreaterThanOrEqualTo(32);
			assertThat(output).contains("Using generated password for the ops user 'ops': " + password);
		});
	}

	@Test
	void blankPasswordIsGeneratedToo() {
		this.contextRunner.withPropertyValues("sample.ops.password= ")
			.run((context) -> assertThat(context.getBean(OpsUserProperties.class).password()).isNotBlank()
				.hasSizeGreaterThanOrEqualTo(32));
	}

	@Test
	void eachStartGeneratesAnotherPassword() {
		String[] passwords = new String[2];
		this.contextRunner.run((context) -> passwords[0] = context.getBean(OpsUserProperties.class).password());
		this.contextRunner.run((context) -> passwords[1] = context.getBean(OpsUserProperties.class).password());
		assertThat(passwords[0]).isNotEqualTo(passwords[1]);
	}

	@Test
	void blankUsernameFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("sample.ops.username= ", "sample.ops.password=s3cret")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("'sample.ops.username' must not be empty"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(OpsUserProperties.class)
	static class PropertiesConfiguration {

	}

}
