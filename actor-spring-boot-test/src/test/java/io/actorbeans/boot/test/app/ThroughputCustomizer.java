package io.actorbeans.boot.test.app;

import io.actorbeans.ActorSystemSettings;
import io.actorbeans.boot.autoconfigure.ActorSystemSettingsCustomizer;

import org.springframework.stereotype.Component;

/** Sets the throughput to 7, a value no default has. */
@Component
public class ThroughputCustomizer implements ActorSystemSettingsCustomizer {

	@Override
	public ActorSystemSettings customize(ActorSystemSettings settings) {
		return settings.withThroughput(7);
	}

}
