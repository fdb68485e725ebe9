package io.actorbeans.boot.actuate;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.actorbeans.ActorContext;
import io.actorbeans.FailurePolicy;
import io.actorbeans.Handles;
import io.actorbeans.boot.Actor;
import io.actorbeans.boot.EntityActor;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;

/**
 * Actors for the tests of this package.
 */
final class TestActors {

	private TestActors() {
	}

	/** A message a {@link Worker} handles, failing if asked to. */
	record Work(boolean fail) {

		static final Work OK = new Work(false);

		static final Work FAIL = new Work(true);

	}

	/** A message a {@link Blocker} blocks on until its latch is released. */
	record Block() {
	}

	/** Replies "done" to each {@link Work}, or throws. */
	static class Worker {

		@Handles
		String onWork(Work work) {
			if (work.fail()) {
				throw new IllegalStateException("Failing as asked");
			}
			return "done";
		}

	}

	/** Blocks its handler until the latch is released. */
	static class Blocker {

		private final CountDownLatch release;

		Blocker(CountDownLatch release) {
			this.release = release;
		}

		@Handles
		void onBlock(Block block) throws InterruptedException {
			this.release.await(10, TimeUnit.SECONDS);
		}

	}

	/**
	 * The actor beans: singletons "worker", "fragile" and "blocker", prototype Worker.
	 */
	@Configuration(proxyBeanMethods = false)
	static class ActorsConfiguration {

		@Bean
		@Actor
		Worker worker() {
			return new Worker();
		}

		@Bean
		@Actor(failurePolicy = FailurePolicy.STOP)
		Worker fragile() {
			return new Worker();
		}

		@Bean
		CountDownLatch release() {
			return new CountDownLatch(1);
		}

		@Bean
		@Actor
		Blocker blocker(CountDownLatch release) {
			return new Blocker(release);
		}

	}

	/** A prototype actor bean of type {@link Counter}. */
	@Configuration(proxyBeanMethods = false)
	static class PrototypeConfiguration {

		@Bean
		@Scope("prototype")
		@Actor
		Counter counter() {
			return new Counter();
		}

	}

	/** A message a {@link Parent} handles by spawning a child, a {@link Parent} too. */
	record SpawnChild(String name) {
	}

	/**
	 * Spawns a child on each {@link SpawnChild}, and forwards {@link Work} to its child
	 * of the given name (or handles it itself).
	 */
	static class Parent {

		@Handles
		String onSpawnChild(SpawnChild request, ActorContext context) {
			return context.spawn(request.name(), new Parent()).name();
		}

		@Handles
		String onWork(Work work) {
			return "done";
		}

	}

	/** A singleton actor bean "family" of type {@link Parent}, and a prototype one. */
	@Configuration(proxyBeanMethods = false)
	static class FamilyConfiguration {

		@Bean
		@Actor
		Parent family() {
			return new Parent();
		}

		@Bean
		@Scope("prototype")
		@Actor
		PrototypeParent prototypeParent() {
			return new PrototypeParent();
		}

	}

	/** A {@link Parent} for prototype actors. */
	static class PrototypeParent extends Parent {

	}

	/** Entity type "cart": replies "done" to each {@link Work}. */
	@EntityActor("cart")
	static class Cart {

		@Handles
		String onWork(Work work) {
			return "done";
		}

	}

	/** Entity type "session": replies "done" to each {@link Work}. */
	@EntityActor("session")
	static class Session {

		@Handles
		String onWork(Work work) {
			return "done";
		}

	}

	/** Counts the {@link Work} it handles. */
	static class Counter {

		private int count;

		@Handles
		Integer onWork(Work work) {
			return ++this.count;
		}

	}

}
