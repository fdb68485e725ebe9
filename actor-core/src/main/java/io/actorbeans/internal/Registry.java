package io.actorbeans.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * The live actors of a system by name: a concurrent hash set of cells, keyed by their
 * names. Thread-safe; null names and cells are not allowed.
 */
final class Registry {

	/*-
	 * Overview:
	 *
	 * A cell knows its name, so the registry stores the cells themselves and no map entry: each
	 * actor costs one reference in a table, where a ConcurrentHashMap adds a node of 32 bytes per
	 * entry. The table is split in SEGMENTS segments by the top bits of the name's (mixed) hash, each
	 * an open-addressing table with linear probing, guarded by its own monitor: spawns and
	 * terminations on different threads rarely meet on one segment. A segment's table is a power of
	 * two, doubled when it would become more than three quarters full; a removal shifts the
	 * following entries of its probe run back (backward-shift deletion), so there are no tombstones
	 * and a lookup stops at the first empty slot.
	 *
	 * Comparing a probed slot's name means loading the cell, its name and the name's bytes, three
	 * cache misses in a large registry. So each slot also has a one-byte tag of seven hash bits in a
	 * parallel array, as SwissTable does: a probe run is scanned in that byte array, usually within
	 * one cache line, and only a slot whose tag matches (one in 128 of the others) is compared by
	 * name. That is one byte per slot, about two per actor.
	 *
	 * Every operation holds its segment's monitor. Iteration visits one segment at a time, so it sees
	 * each cell that was registered before it started and not removed before it ended, and may or
	 * may not see the others, as ConcurrentHashMap's iterators do.
	 */

	private static final int SEGMENT_BITS = 6;

	private static final int SEGMENTS = 1 << SEGMENT_BITS;

	private static final int INITIAL_CAPACITY = 8;

	private final Segment[] segments = new Segment[SEGMENTS];

	Registry() {
		for (int i = 0; i < SEGMENTS; i++) {
			this.segments[i] = new Segment();
		}
	}

	/**
	 * The live cell of a name. Thread-safe.
	 * @param name the name
	 * @return the cell, or {@code null} if no live actor has that name
	 */
	@Nullable ActorCell get(String name) {
		int hash = hash(name);
		return segmentOf(hash).get(name, hash);
	}

	/**
	 * Register a cell unless a cell of the same name is registered. Thread-safe.
	 * @param cell the cell
	 * @return the cell already registered under its name, or {@code null} if this one was
	 * registered
	 */
	@Nullable ActorCell putIfAbsent(ActorCell cell) {
		int hash = hash(cell.name());
		return segmentOf(hash).putIfAbsent(cell, hash);
	}

	/**
	 * Unregister a cell, if it is the one registered under its name. Thread-safe.
	 * @param cell the cell
	 */
	void remove(ActorCell cell) {
		int hash = hash(cell.name());
		segmentOf(hash).remove(cell, hash);
	}

	/** Whether no cell is registered. Thread-safe; a snapshot. */
	boolean isEmpty() {
		for (Segment segment : this.segments) {
			if (segment.size() != 0) {
				return false;
			}
		}
		return true;
	}

	/** The registered cells, in no particular order. Thread-safe; a snapshot. */
	List<ActorCell> cells() {
		List<ActorCell> cells = new ArrayList<>();
		for (Segment segment : this.segments) {
			segment.addTo(cells);
		}
		return cells;
	}

	/**
	 * Whether every registered cell passes a test, run while holding the cell's segment:
	 * it must be quick and must not touch the registry. Thread-safe.
	 * @param test the test
	 * @return whether none failed it
	 */
	boolean allMatch(Predicate<ActorCell> test) {
		for (Segment segment : this.segments) {
			if (!segment.allMatch(test)) {
				return false;
			}
		}
		return true;
	}

	private Segment segmentOf(int hash) {
		return this.segments[hash >>> (Integer.SIZE - SEGMENT_BITS)];
	}

	/** The name's hash, mixed (MurmurHash3's finalizer) so that both ends are usable. */
	private static int hash(String name) {
		int hash = name.hashCode();
		hash ^= hash >>> 16;
		hash *= 0x85ebca6b;
		hash ^= hash >>> 13;
		hash *= 0xc2b2ae35;
		return hash ^ (hash >>> 16);
	}

	/** One open-addressing table; every method holds its monitor. */
	private static final class Segment {

		/** The cells; a slot is used where its tag is not 0. */
		private @Nullable ActorCell[] cells = new ActorCell[INITIAL_CAPACITY];

		/** A few bits of each used slot's hash, never 0; 0 for an empty slot. */
		private byte[] tags = new byte[INITIAL_CAPACITY];

		private int size;

		synchronized @Nullable ActorCell get(String name, int hash) {
			int i = find(name, hash);
			return (i >= 0) ? this.cells[i] : null;
		}

		synchronized @Nullable ActorCell putIfAbsent(ActorCell cell, int hash) {
			int i = find(cell.name(), hash);
			if (i >= 0) {
				return this.cells[i];
			}
			if ((this.size + 1) * 4 > this.tags.length * 3) {
				grow();
				i = find(cell.name(), hash);
			}
			this.cells[~i] = cell;
			this.tags[~i] = tag(hash);
			this.size++;
			return null;
		}

		synchronized void remove(ActorCell cell, int hash) {
			ActorCell[] cells = this.cells;
			byte[] tags = this.tags;
			int mask = tags.length - 1;
			int i = hash & mask;
			while (cells[i] != cell) {
				if (tags[i] == 0) {
					return;
				}
				i = (i + 1) & mask;
			}
			// Backward-shift: move each later entry of the run that may live at i there.
			for (int j = (i + 1) & mask; tags[j] != 0; j = (j + 1) & mask) {
				ActorCell next = cells[j];
				int home = hash(next.name()) & mask;
				// next may move to i unless its home lies cyclically in (i, j]
				if ((j > i) ? (home <= i || home > j) : (home <= i && home > j)) {
					cells[i] = next;
					tags[i] = tags[j];
					i = j;
				}
			}
			cells[i] = null;
			tags[i] = 0;
			this.size--;
		}

		synchronized int size() {
			return this.size;
		}

		synchronized void addTo(List<ActorCell> cells) {
			for (ActorCell cell : this.cells) {
				if (cell != null) {
					cells.add(cell);
				}
			}
		}

		synchronized boolean allMatch(Predicate<ActorCell> test) {
			for (ActorCell cell : this.cells) {
				if (cell != null && !test.test(cell)) {
					return false;
				}
			}
			return true;
		}

		/**
		 * The slot of a name, or the complement of the empty slot that ends its probe
		 * run. Only a slot whose tag matches is compared by name.
		 */
		private int find(String name, int hash) {
			byte[] tags = this.tags;
			byte tag = tag(hash);
			int mask = tags.length - 1;
			for (int i = hash & mask;; i = (i + 1) & mask) {
				byte present = tags[i];
				if (present == 0) {
					return ~i;
				}
				if (present == tag && this.cells[i].name().equals(name)) {
					return i;
				}
			}
		}

		private void grow() {
			ActorCell[] oldCells = this.cells;
			this.cells = new ActorCell[oldCells.length * 2];
			this.tags = new byte[oldCells.length * 2];
			int mask = this.tags.length - 1;
			for (ActorCell cell : oldCells) {
				if (cell != null) {
					int hash = hash(cell.name());
					int i = hash & mask;
					while (this.tags[i] != 0) {
						i = (i + 1) & mask;
					}
					this.cells[i] = cell;
					this.tags[i] = tag(hash);
				}
			}
		}

		/**
		 * Seven bits of the hash, above the ones that pick the segment's slot (up to 2^16
		 * slots) and below the ones that pick the segment, with the lowest bit set.
		 */
		private static byte tag(int hash) {
			return (byte) ((hash >>> 16) | 1);
		}

	}

}
