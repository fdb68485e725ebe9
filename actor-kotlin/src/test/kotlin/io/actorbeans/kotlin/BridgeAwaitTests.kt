package io.actorbeans.kotlin

import io.actorbeans.ActorContext
import io.actorbeans.ActorRef
import io.actorbeans.ActorSystem
import io.actorbeans.CallTimeoutException
import io.actorbeans.DeadLetter
import io.actorbeans.Handles
import java.time.Duration
import java.util.concurrent.LinkedBlockingQueue
import java.util.concurrent.TimeUnit
import kotlinx.coroutines.CoroutineStart
import kotlinx.coroutines.async
import kotlinx.coroutines.runBlocking
import org.assertj.core.api.Assertions.assertThat
import org.assertj.core.api.Assertions.assertThatExceptionOfType
import org.junit.jupiter.api.AfterEach
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.Timeout

/**
 * `Bridge.await`: a suspending ask.
 */
@Timeout(30)
class BridgeAwaitTests {

    private val system = ActorSystem.create()

    private val bridge = system.bridge()

    private val deadLetters = LinkedBlockingQueue<DeadLetter>()

    init {
        system.addDeadLetterListener { deadLetters.add(it) }
    }

    @AfterEach
    fun shutdown() {
        system.close()
    }

    @Test
    fun `await suspends until the reply comes`() {
        val holder = system.spawn("holder", Holder())
        runBlocking {
            val reply = async(start = CoroutineStart.UNDISPATCHED) { bridge.await<String>(holder, "question") }
            assertThat(reply.isActive).isTrue()
            bridge.send(holder, Release("answer"))
            assertThat(reply.await()).isEqualTo("answer")
        }
    }

    @Test
    fun `await fails with a call timeout when no reply comes in time`() {
        val holder = system.spawn("holder", Holder())
        assertThatExceptionOfType(CallTimeoutException::class.java).isThrownBy {
            runBlocking { bridge.await<String>(holder, "question", Duration.ofMillis(50)) }
        }
    }

    @Test
    fun `cancelling the coroutine gives the call up`() {
        val holder = system.spawn("holder", Holder())
        runBlocking {
            val reply = async(start = CoroutineStart.UNDISPATCHED) { bridge.await<String>(holder, "question") }
            reply.cancel()
            bridge.send(holder, Release("too late"))
        }
        val deadLetter = deadLetters.poll(10, TimeUnit.SECONDS)
        assertThat(deadLetter).isNotNull()
        assertThat(deadLetter!!.message()).isEqualTo("too late")
        assertThat(deadLetter.reason()).isEqualTo(DeadLetter.Reason.LATE_REPLY)
    }

}

data class Release(val reply: String)

/** Holds the asker of a question until told what to reply. */
class Holder {

    private var asker: ActorRef? = null

    @Handles
    fun hold(@Suppress("UNUSED_PARAMETER") question: String, context: ActorContext) {
        asker = context.sender()
    }

    @Handles
    fun release(release: Release, context: ActorContext) {
        asker?.send(release.reply, context.self())
    }

}
