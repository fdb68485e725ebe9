package io.actorbeans.boot.test.app;

import org.springframework.stereotype.Service;

/** A plain bean, which {@code @ActorTest} leaves out. */
@Service
public class NotAnActor {

}
