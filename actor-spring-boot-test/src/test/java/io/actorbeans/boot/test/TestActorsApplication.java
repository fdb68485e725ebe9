package io.actorbeans.boot.test;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application the slice tests find: actor beans, a settings customizer, and beans
 * that are no actors, which {@code @ActorTest} leaves out.
 */
@SpringBootApplication
public class TestActorsApplication {

}
