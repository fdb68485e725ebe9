package io.actorbeans.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The warehouse service: a {@code worker} actor doubles the values posted to
 * {@code /tasks} and sends each result to the {@code positives} or {@code negatives}
 * warehouse actor; counters are actors spawned on demand; two actors play ping-pong on
 * request. Controllers call the actors through the {@link io.actorbeans.Bridge}, and
 * operations stop them through actuator.
 * <p>
 * {@link #main(String[])} runs on the JVM's main thread; the rest of the application on
 * the web server's and the actor system's threads.
 *
 * @since 0.1.0
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SampleApplication {

	/**
	 * Start the service.
	 * @param args the command line arguments, such as {@code --server.port=9090}
	 */
	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
