package io.actorbeans.kotlin

import io.actorbeans.ActorRef
import io.actorbeans.Bridge
import io.actorbeans.boot.ActorFactory
import io.actorbeans.boot.Entities
import io.actorbeans.boot.EntityRef
import java.time.Duration
import kotlinx.coroutines.future.await

/**
 * Asks an actor and suspends, without blocking a thread, until it replies, at most the
 * system's Bridge timeout; fails as [Bridge.ask] does. Cancelling the coroutine gives the
 * call up: a reply after that is a late reply. From any coroutine.
 */
suspend fun <T : Any> Bridge.await(target: ActorRef, request: Any): T = ask<T>(target, request).await()

/**
 * Asks an actor and suspends, without blocking a thread, until it replies; fails with a
 * [io.actorbeans.CallTimeoutException] after [timeout], and otherwise as [Bridge.ask]
 * does. Cancelling the coroutine gives the call up. From any coroutine.
 */
suspend fun <T : Any> Bridge.await(target: ActorRef, request: Any, timeout: Duration): T =
    ask<T>(target, request, timeout).await()

/**
 * Spawns an actor from a new instance of the prototype actor bean of type [T], as
 * `actorFactory.spawn(T::class.java, name)`. Thread-safe.
 */
inline fun <reified T : Any> ActorFactory.spawn(name: String): ActorRef = spawn(T::class.java, name)

/**
 * The ref of the entity of the `@EntityActor` type [T] with an id, as
 * `entities.ref(T::class.java, id)`. Cheap, never blocks; thread-safe.
 */
inline fun <reified T : Any> Entities.ref(id: String): EntityRef = ref(T::class.java, id)
