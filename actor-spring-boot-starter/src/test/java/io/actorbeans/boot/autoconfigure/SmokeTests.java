package io.actorbeans.boot.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.actorbeans.ActorRef;
import io.actorbeans.Bridge;
import io.actorbeans.Handles;
import io.actorbeans.boot.Actor;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class SmokeTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ActorAutoConfiguration.class));

	@Test
	void warehouse() {
		this.runner.withUserConfiguration(Config.class).run((context) -> {
			assertThat(context).hasNotFailed();
			Client client = context.getBean(Client.class);
			client.positives.send(5);
			List<Integer> inventory = context.getBean(Bridge.class)
				.call(client.positives, "get", Duration.ofSeconds(1));
			assertThat(inventory).containsExactly(5);
		});
	}

	@Configuration
	static class Config {

		@Bean
		@Actor
		Warehouse positives() {
			return new Warehouse();
		}

		@Bean
		Client client(@Qualifier("positives") ActorRef positives) {
			return new Client(positives);
		}

	}

	record Client(ActorRef positives) {
	}

	static class Warehouse {

		private final List<Integer> inventory = new ArrayList<>();

		@Handles
		void add(Integer value) {
			this.inventory.add(value);
		}

		@Handles
		List<Integer> get(String request) {
			return List.copyOf(this.inventory);
		}

	}

}
