package io.actorbeans.sample;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Timeout;

import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The service on a random port with a known ops password, and a {@code RestTestClient}
 * for it. Test classes with this annotation and nothing else share one application
 * context, so each test leaves the service usable and does not count on the inventories
 * being empty.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@SpringBootTest(classes = SampleApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "sample.ops.password=" + ServiceTest.OPS_PASSWORD)
@AutoConfigureRestTestClient
@Timeout(60)
public @interface ServiceTest {

	/** The ops user's name. */
	String OPS_USERNAME = "ops";

	/** The ops user's password in these tests. */
	String OPS_PASSWORD = "ops-secret";

}
