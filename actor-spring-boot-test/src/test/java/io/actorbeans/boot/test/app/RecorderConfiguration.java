package io.actorbeans.boot.test.app;

import java.util.ArrayList;
import java.util.List;

import io.actorbeans.Handles;
import io.actorbeans.boot.Actor;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Declares the {@code recorder} actor bean with a {@code @Bean} method. */
@Configuration(proxyBeanMethods = false)
public class RecorderConfiguration {

	@Bean
	@Actor
	Recorder recorder() {
		return new Recorder();
	}

	/** Keeps what it is sent; answers {@link Recorded} with a copy. */
	public static class Recorder {

		private final List<Object> recorded = new ArrayList<>();

		@Handles
		List<Object> onRecorded(Recorded request) {
			return List.copyOf(this.recorded);
		}

		@Handles
		void onOther(Object message) {
			this.recorded.add(message);
		}

	}

	/** Asks the recorder for what it has. */
	public record Recorded() {
	}

}
