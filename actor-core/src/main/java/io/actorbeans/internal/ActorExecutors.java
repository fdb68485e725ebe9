package io.actorbeans.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.actorbeans.ActorSystemSettings;
import io.actorbeans.Dispatcher;
import io.actorbeans.DispatcherUnavailableException;
import org.jspecify.annotations.Nullable;

/**
 * The threads of one actor system: the shared pool, the virtual-thread executor, the
 * dedicated threads, and the scheduler for timeouts.
 */
final class ActorExecutors {

	/*-
	 * The shared dispatcher is a ForkJoinPool in async (FIFO) mode: a cell is a ForkJoinTask that
	 * never completes, so scheduling it allocates nothing, and a worker that schedules an actor (a
	 * reply, a send to a peer) pushes it on its own queue, where it runs next on a warm cache, while
	 * idle workers steal. The virtual-thread executor is looked up at run time, so that the library
	 * builds for Java 17 and uses virtual threads where the JVM has them: a thread-per-task executor
	 * whose factory is Thread.ofVirtual().name("<system>-virtual-", 1).factory(). A THREAD actor gets a
	 * single-thread executor of its own, shut down when the actor ends. A CALLING_THREAD actor runs
	 * on the thread that schedules it (CallingThreadExecutor), for tests.
	 */

	/** {@code (String prefix, long start) -> ExecutorService}, or null before Java 21. */
	private static final @Nullable MethodHandle NEW_VIRTUAL_THREAD_PER_TASK_EXECUTOR = findVirtualExecutorFactory();

	private final String systemName;

	private final ForkJoinPool shared;

	private final ScheduledThreadPoolExecutor scheduler;

	private final Map<String, ExecutorService> threadPools;

	private volatile @Nullable ExecutorService virtual;

	ActorExecutors(ActorSystemSettings settings) {
		this.systemName = settings.name();
		AtomicInteger sharedThreads = new AtomicInteger();
		this.shared = new ForkJoinPool(settings.sharedPoolSize(), (pool) -> {
			ForkJoinWorkerThread thread = new SharedWorkerThread(pool);
			thread.setName(this.systemName + "-shared-" + sharedThreads.incrementAndGet());
			return thread;
		}, null, true);
		this.scheduler = new ScheduledThreadPoolExecutor(1, (task) -> daemon(task, this.systemName + "-scheduler"));
		this.scheduler.setRemoveOnCancelPolicy(true);
		Map<String, ExecutorService> pools = new LinkedHashMap<>();
		pools.put(this.systemName + "-shared", this.shared);
		pools.put(this.systemName + "-scheduler", this.scheduler);
		this.threadPools = Collections.unmodifiableMap(pools);
	}

	/**
	 * The executor for a new actor on a dispatcher. Thread-safe.
	 * @throws DispatcherUnavailableException if the dispatcher cannot run on this JVM
	 */
	Executor forActor(String actorName, Dispatcher dispatcher) {
		return switch (dispatcher) {
			case SHARED -> this.shared;
			case VIRTUAL -> virtual(actorName);
			case THREAD -> new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
					(task) -> daemon(task, this.systemName + "-actor-" + actorName));
			case CALLING_THREAD -> CallingThreadExecutor.INSTANCE;
		};
	}

	private ExecutorService virtual(String actorName) {
		ExecutorService executor = this.virtual;
		if (executor == null) {
			synchronized (this) {
				executor = this.virtual;
				if (executor == null) {
					executor = newVirtualThreadPerTaskExecutor(this.systemName, actorName);
					this.virtual = executor;
				}
			}
		}
		return executor;
	}

	/** Which dispatcher an executor made by this object serves. Thread-safe. */
	Dispatcher dispatcherOf(Executor executor) {
		if (executor == this.shared) {
			return Dispatcher.SHARED;
		}
		if (executor == CallingThreadExecutor.INSTANCE) {
			return Dispatcher.CALLING_THREAD;
		}
		return (executor == this.virtual) ? Dispatcher.VIRTUAL : Dispatcher.THREAD;
	}

	/** Release an executor that no actor uses: dedicated threads end. Thread-safe. */
	void release(Executor executor) {
		if (dispatcherOf(executor) == Dispatcher.THREAD) {
			((ExecutorService) executor).shutdown();
		}
	}

	/**
	 * The system's single scheduler thread: the coarse clock, and the timers and timeouts
	 * unless the system was given an ActorScheduler. Thread-safe.
	 */
	ScheduledThreadPoolExecutor scheduler() {
		return this.scheduler;
	}

	/** The pools for {@link io.actorbeans.ActorSystem#threadPools()}. Thread-safe. */
	Map<String, ExecutorService> threadPools() {
		return this.threadPools;
	}

	/** Stop every thread; actors should have ended. Thread-safe. */
	void shutdown() {
		this.scheduler.shutdownNow();
		this.shared.shutdown();
		ExecutorService virtual = this.virtual;
		if (virtual != null) {
			virtual.shutdown();
		}
	}

	private static Thread daemon(Runnable task, String name) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		return thread;
	}

	private static ExecutorService newVirtualThreadPerTaskExecutor(String systemName, String actorName) {
		if (NEW_VIRTUAL_THREAD_PER_TASK_EXECUTOR == null) {
			throw new DispatcherUnavailableException("Cannot spawn actor '" + actorName
					+ "' on the virtual dispatcher: virtual threads need Java 21 or newer, and this JVM is Java "
					+ Runtime.version() + "; use the shared or thread dispatcher, or run on Java 21+");
		}
		try {
			return (ExecutorService) NEW_VIRTUAL_THREAD_PER_TASK_EXECUTOR.invokeExact(systemName + "-virtual-", 1L);
		}
		catch (RuntimeException | Error ex) {
			throw ex;
		}
		catch (Throwable ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static @Nullable MethodHandle findVirtualExecutorFactory() {
		if (Runtime.version().feature() < 21) {
			return null;
		}
		try {
			MethodHandles.Lookup lookup = MethodHandles.publicLookup();
			Class<?> builder = Class.forName("java.lang.Thread$Builder$OfVirtual");
			MethodHandle ofVirtual = lookup.findStatic(Thread.class, "ofVirtual", MethodType.methodType(builder));
			MethodHandle name = lookup.findVirtual(builder, "name",
					MethodType.methodType(builder, String.class, long.class));
			MethodHandle factory = lookup.findVirtual(builder, "factory", MethodType.methodType(ThreadFactory.class));
			MethodHandle newExecutor = lookup.findStatic(Executors.class, "newThreadPerTaskExecutor",
					MethodType.methodType(ExecutorService.class, ThreadFactory.class));
			// (prefix, start) -> newThreadPerTaskExecutor(Thread.ofVirtual().name(prefix,
			// start).factory())
			MethodHandle named = MethodHandles.collectArguments(name, 0, ofVirtual);
			return MethodHandles.filterReturnValue(MethodHandles.filterReturnValue(named, factory), newExecutor);
		}
		catch (ReflectiveOperationException ex) {
			return null;
		}
	}

}
