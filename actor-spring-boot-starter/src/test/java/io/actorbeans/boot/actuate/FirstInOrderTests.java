package io.actorbeans.boot.actuate;

import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link FirstInOrder}.
 */
class FirstInOrderTests {

	@Test
	void firstShouldKeepTheFirstElementsInOrderAndCountThemAll() {
		FirstInOrder<String> first = new FirstInOrder<>(Comparator.naturalOrder(), 3);
		for (String element : List.of("e", "b", "g", "a", "f", "c", "d")) {
			first.offer(element);
		}
		assertThat(first.first()).containsExactly("a", "b", "c");
		assertThat(first.count()).isEqualTo(7);
	}

	@Test
	void firstWhenFewerThanTheLimitShouldKeepThemAllInOrder() {
		FirstInOrder<Integer> first = new FirstInOrder<>(Comparator.reverseOrder(), 10);
		first.offer(1);
		first.offer(3);
		first.offer(2);
		assertThat(first.first()).containsExactly(3, 2, 1);
		assertThat(first.count()).isEqualTo(3);
	}

	@Test
	void firstWhenLimitIsZeroShouldOnlyCount() {
		FirstInOrder<String> first = new FirstInOrder<>(Comparator.naturalOrder(), 0);
		first.offer("a");
		first.offer("b");
		assertThat(first.first()).isEmpty();
		assertThat(first.count()).isEqualTo(2);
	}

	@Test
	void createWhenLimitIsNegativeShouldFail() {
		assertThatIllegalArgumentException().isThrownBy(() -> new FirstInOrder<String>(Comparator.naturalOrder(), -1))
			.withMessage("'limit' must not be negative, was -1");
	}

}
