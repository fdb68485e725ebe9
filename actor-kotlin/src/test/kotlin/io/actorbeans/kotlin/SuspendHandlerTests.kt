package io.actorbeans.kotlin

import io.actorbeans.ActorSystem
import io.actorbeans.ActorSystemSettings
import io.actorbeans.Handles
import io.actorbeans.HandlerFailedException
import io.actorbeans.Stop
import java.time.Duration
import java.util.concurrent.CancellationException
import java.util.concurrent.CompletableFuture
import java.util.concurrent.ExecutionException
import java.util.concurrent.CopyOnWriteArrayList
import java.util.concurrent.CountDownLatch
import java.util.concurrent.TimeUnit
import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.delay
import kotlinx.coroutines.yield
import org.assertj.core.api.Assertions.assertThat
import org.assertj.core.api.Assertions.assertThatExceptionOfType
import org.junit.jupiter.api.AfterEach
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.Timeout

/**
 * `suspend` handlers: they reply with their result, and resume on their actor's thread.
 */
@Timeout(30)
class SuspendHandlerTests {

    private val system = ActorSystem.create(ActorSystemSettings.defaults().withName("kotlin"))

    private val bridge = system.bridge()

    @AfterEach
    fun shutdown() {
        system.close()
    }

    @Test
    fun `a suspend handler replies with its result`() {
        val greeter = system.spawn("greeter", Greeter())
        assertThat(bridge.call<String>(greeter, "Ada", TIMEOUT)).isEqualTo("Hello, Ada")
        assertThat(bridge.call<String>(greeter, Quick("Grace"), TIMEOUT)).isEqualTo("Hi, Grace")
    }

    @Test
    fun `a suspend handler resumes on its actor's thread`() {
        val greeter = Greeter()
        val actor = system.spawn("greeter", greeter)
        bridge.call<String>(actor, "Ada", TIMEOUT)
        assertThat(greeter.threads).hasSize(2).allSatisfy { thread -> assertThat(thread).startsWith("kotlin-shared-") }
    }

    @Test
    fun `resumed handlers never race each other or the other handlers`() {
        val counter = system.spawn("counter", Counter())
        val callers = 4
        val callsEach = 100
        val calls = (1..callers).map {
            CompletableFuture.runAsync {
                repeat(callsEach) {
                    bridge.ask<Int>(counter, Add(1), TIMEOUT)
                    bridge.send(counter, Add(1))
                }
            }
        }
        calls.forEach { it.join() }
        // all the asks and sends above are in the mailbox before this one
        bridge.call<Int>(counter, Add(0), TIMEOUT)
        awaitTotal(counter, 2 * callers * callsEach)
    }

    @Test
    fun `a suspend handler that fails after suspending is the handler's failure`() {
        val greeter = system.spawn("greeter", Greeter())
        assertThatExceptionOfType(HandlerFailedException::class.java)
            .isThrownBy { bridge.call<String>(greeter, Fail(afterSuspending = true), TIMEOUT) }
            .withMessageContaining("Actor 'greeter' failed handling io.actorbeans.kotlin.Fail in the reply of handler '")
            .withCauseInstanceOf(IllegalStateException::class.java)
        assertThat(bridge.call<String>(greeter, "Ada", TIMEOUT)).isEqualTo("Hello, Ada")
        assertThat(system.actor("greeter")).hasValueSatisfying { info -> assertThat(info.failures()).isOne() }
    }

    @Test
    fun `a suspend handler that fails before suspending fails in its turn`() {
        val greeter = system.spawn("greeter", Greeter())
        assertThatExceptionOfType(HandlerFailedException::class.java)
            .isThrownBy { bridge.call<String>(greeter, Fail(afterSuspending = false), TIMEOUT) }
            .withMessageContaining("in handler '")
            .withCauseInstanceOf(IllegalStateException::class.java)
    }

    @Test
    fun `a handler suspended when its actor stops is cancelled when it would resume`() {
        val greeter = system.spawn("greeter", Greeter())
        val reply = bridge.ask<String>(greeter, Sleep(Duration.ofMillis(200)), TIMEOUT)
        assertThat(bridge.stop(listOf(greeter), TIMEOUT)).hasSize(1).doesNotContainNull()
        assertThat(reply).failsWithin(TIMEOUT)
            .withThrowableOfType(ExecutionException::class.java)
            .havingCause()
            .isInstanceOf(HandlerFailedException::class.java)
            .withCauseInstanceOf(CancellationException::class.java)
    }

    @Test
    fun `a handler whose resumption waits behind a Stop is cancelled when the actor ends`() {
        val waiter = Waiter()
        val actor = system.spawn("waiter", waiter)
        val gate = Gate(CompletableDeferred())
        val reply = bridge.ask<String>(actor, gate, TIMEOUT)
        bridge.send(actor, Hold)
        assertThat(waiter.holding.await(10, TimeUnit.SECONDS)).isTrue()
        // the handler has suspended on the gate, and the actor's thread is held
        bridge.send(actor, Stop())
        gate.opened.complete("open")
        // the mailbox holds the Stop, then the handler's resumption
        waiter.release.countDown()
        assertThat(reply).failsWithin(TIMEOUT)
            .withThrowableOfType(ExecutionException::class.java)
            .havingCause()
            .isInstanceOf(HandlerFailedException::class.java)
            .withCauseInstanceOf(CancellationException::class.java)
        assertThat(waiter.resumed).isFalse()
    }

    private fun awaitTotal(counter: io.actorbeans.ActorRef, expected: Int) {
        kotlinx.coroutines.runBlocking {
            while (bridge.await<Int>(counter, Total) != expected) {
                delay(10)
            }
        }
    }

    companion object {
        val TIMEOUT: Duration = Duration.ofSeconds(10)
    }

}

data class Quick(val name: String)

data class Fail(val afterSuspending: Boolean)

data class Sleep(val duration: Duration)

data class Add(val amount: Int)

object Total

object Hold

class Gate(val opened: CompletableDeferred<String>)

/** Suspends until a gate opens; holds its thread while told to. */
class Waiter {

    val holding = CountDownLatch(1)

    val release = CountDownLatch(1)

    @Volatile
    var resumed = false

    @Handles
    suspend fun wait(gate: Gate): String {
        val opened = gate.opened.await()
        resumed = true
        return opened
    }

    @Handles
    fun hold(@Suppress("UNUSED_PARAMETER") hold: Hold) {
        holding.countDown()
        release.await(10, TimeUnit.SECONDS)
    }

}

class Greeter {

    val threads = CopyOnWriteArrayList<String>()

    @Handles
    suspend fun greet(name: String): String {
        threads.add(Thread.currentThread().name)
        // always suspends (a delay may have elapsed before it would suspend)
        yield()
        threads.add(Thread.currentThread().name)
        return "Hello, $name"
    }

    /** Suspends nowhere: replies at once. */
    @Handles
    suspend fun quick(quick: Quick): String = "Hi, ${quick.name}"

    @Handles
    suspend fun fail(fail: Fail): String {
        if (fail.afterSuspending) {
            yield()
        }
        throw IllegalStateException("failed")
    }

    @Handles
    suspend fun sleep(sleep: Sleep): String {
        delay(sleep.duration.toMillis())
        return "slept"
    }

}

/**
 * Changes its state after suspending, while other messages change it too: on the actor's
 * thread only, so no update is lost.
 */
class Counter {

    private var total = 0

    @Handles
    suspend fun add(add: Add): Int {
        delay(1)
        total += add.amount
        return total
    }

    @Handles
    fun total(@Suppress("UNUSED_PARAMETER") total: Total): Int = this.total

}
