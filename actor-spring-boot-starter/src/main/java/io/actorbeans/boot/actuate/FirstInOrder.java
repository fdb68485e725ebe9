package io.actorbeans.boot.actuate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

import org.springframework.util.Assert;

/**
 * The first elements, in a given order, of those offered to it, at most a limit of them;
 * and how many were offered. Not thread-safe: one thread uses it, within one call.
 */
final class FirstInOrder<T> {

	/*-
	 * A heap of at most "limit" elements whose head is the last of them in order: an offered
	 * element earlier than the head replaces it. Memory is bounded by the limit, not by the number
	 * offered (a million actors, of which the health details list ten), and time is
	 * O(offered x log(limit)).
	 */

	private final Comparator<? super T> order;

	private final int limit;

	private final PriorityQueue<T> kept;

	private int count;

	/**
	 * Create an instance that keeps at most {@code limit} elements.
	 * @param order the order
	 * @param limit the number of elements to keep, zero or more
	 */
	FirstInOrder(Comparator<? super T> order, int limit) {
		Assert.isTrue(limit >= 0, () -> "'limit' must not be negative, was " + limit);
		this.order = order;
		this.limit = limit;
		this.kept = new PriorityQueue<>(order.reversed());
	}

	/**
	 * Count an element, and keep it if it is among the first.
	 * @param element the element
	 */
	void offer(T element) {
		this.count++;
		if (this.kept.size() < this.limit) {
			this.kept.add(element);
		}
		else if (this.limit > 0 && this.order.compare(element, this.kept.element()) < 0) {
			this.kept.remove();
			this.kept.add(element);
		}
	}

	/**
	 * How many elements were offered.
	 * @return the count
	 */
	int count() {
		return this.count;
	}

	/**
	 * The first elements offered, in order.
	 * @return at most the limit of elements
	 */
	List<T> first() {
		List<T> first = new ArrayList<>(this.kept);
		first.sort(this.order);
		return first;
	}

}
