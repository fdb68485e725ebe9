package io.actorbeans.kotlin

import io.actorbeans.SuspendingHandlerInvoker
import io.actorbeans.SuspendingHandlerInvoker.Resumption
import io.actorbeans.SuspendingHandlerInvoker.SuspendingCall
import java.util.concurrent.CancellationException
import java.util.concurrent.CompletionException
import java.util.concurrent.Executor
import java.util.concurrent.RejectedExecutionException
import kotlin.coroutines.CoroutineContext
import kotlin.coroutines.intrinsics.suspendCoroutineUninterceptedOrReturn
import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.CoroutineStart
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.cancel
import kotlinx.coroutines.future.future

/**
 * Calls `suspend` handler functions as coroutines confined to their actor: the handler
 * starts on the actor's thread, in its turn, and each time it resumes after suspending it
 * runs on the actor's thread again, between the actor's messages (so it may read and
 * change the actor's state, which other messages may have changed meanwhile). It replies
 * with its result when it completes. A handler still suspended when its actor ends is
 * cancelled when it would resume. Found by the runtime through `ServiceLoader`;
 * thread-safe.
 *
 * @since 0.1.0
 */
class CoroutineHandlerInvoker : SuspendingHandlerInvoker {

    override fun invoke(handler: SuspendingCall, actorThread: Executor): Any? {
        val reply = CoroutineScope(ActorDispatcher(actorThread))
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

/**
 * Resumes coroutines on an actor's thread; once the actor has ended, cancels them and
 * lets them finish (their `finally` blocks, their failure) on [Dispatchers.IO], as
 * kotlinx-coroutines does for an executor that has shut down.
 */
private class ActorDispatcher(private val actorThread: Executor) : CoroutineDispatcher() {

    override fun dispatch(context: CoroutineContext, block: Runnable) {
        val resumption = ActorResumption(context, block)
        try {
            actorThread.execute(resumption)
        } catch (ex: RejectedExecutionException) {
            resumption.rejected()
        }
    }

}

private class ActorResumption(private val context: CoroutineContext, private val block: Runnable) : Resumption {

    override fun run() = block.run()

    override fun rejected() {
        context.cancel(CancellationException("The actor has ended"))
        Dispatchers.IO.dispatch(context, block)
    }

}
