package io.actorbeans.kotlin

import io.actorbeans.SuspendingHandlerInvoker
import io.actorbeans.SuspendingHandlerInvoker.SuspendingCall
import java.util.concurrent.CompletionException
import java.util.concurrent.Executor
import kotlin.coroutines.intrinsics.suspendCoroutineUninterceptedOrReturn
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.CoroutineStart
import kotlinx.coroutines.asCoroutineDispatcher
import kotlinx.coroutines.future.future

/**
 * Calls `suspend` handler functions as coroutines confined to their actor: the handler
 * starts on the actor's thread, in its turn, and each time it resumes after suspending it
 * runs on the actor's thread again, between the actor's messages (so it may read and
 * change the actor's state, which other messages may have changed meanwhile). It replies
 * with its result when it completes. Once the actor has ended, a suspended handler is
 * cancelled. Found by the runtime through `ServiceLoader`; thread-safe.
 *
 * @since 0.1.0
 */
class CoroutineHandlerInvoker : SuspendingHandlerInvoker {

    override fun invoke(handler: SuspendingCall, actorThread: Executor): Any? {
        val reply = CoroutineScope(actorThread.asCoroutineDispatcher())
            .future(start = CoroutineStart.UNDISPATCHED) {
                suspendCoroutineUninterceptedOrReturn<Any?> { continuation -> handler.call(continuation) }
            }
        if (!reply.isDone) {
            return reply
        }
        // completed without suspending: a plain result, or a plain failure of the handler
        try {
            return reply.join()
        } catch (ex: CompletionException) {
            throw ex.cause ?: ex
        }
    }

}
