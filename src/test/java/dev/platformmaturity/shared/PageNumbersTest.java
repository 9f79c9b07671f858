package dev.platformmaturity.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

import static org.assertj.core.api.Assertions.assertThat;

class PageNumbersTest {

	@ParameterizedTest
	@CsvSource({ "-5, 0", "0, 0", "3, 3", "2147483647, 85899344", "85899344, 85899344", "85899345, 85899344" })
	void theFirstRowOfAReadablePageHasAnOffsetWithinTheIntRange(int requested, int readable) {
		assertThat(PageNumbers.readable(requested, 25)).isEqualTo(readable);
		assertThat((long) readable * 25 + 25).isLessThanOrEqualTo(Integer.MAX_VALUE);
	}

	@ParameterizedTest
	@CsvSource({ "0, 0", "1, 0", "25, 0", "26, 1", "50, 1", "51, 2" })
	void theLastPageOfSoManyRows(long rows, int last) {
		assertThat(PageNumbers.last(rows, 25)).isEqualTo(last);
	}

	@Test
	void aPageBeyondTheLastReadsTheLastPage() {
		List<Pageable> asked = new ArrayList<>();
		Page<Long> page = PageNumbers.within(99_999_999, 25, Sort.by("name"), pageable -> {
			asked.add(pageable);
			return rows(pageable, 60);
		});

		assertThat(page.getNumber()).isEqualTo(2);
		assertThat(page.getContent()).containsExactly(50L, 51L, 52L, 53L, 54L, 55L, 56L, 57L, 58L, 59L);
		assertThat(asked).extracting(Pageable::getPageNumber).containsExactly(85_899_344, 2);
		assertThat(asked).allSatisfy(pageable -> assertThat(pageable.getSort()).isEqualTo(Sort.by("name")));
	}

	@Test
	void aPageWithinTheRangeIsReadOnce() {
		List<Pageable> asked = new ArrayList<>();
		Page<Long> page = PageNumbers.within(1, 25, Sort.unsorted(), pageable -> {
			asked.add(pageable);
			return rows(pageable, 60);
		});

		assertThat(page.getNumber()).isEqualTo(1);
		assertThat(asked).hasSize(1);
	}

	@Test
	void withoutRowsTheFirstPageIsShown() {
		Page<Long> page = PageNumbers.within(7, 25, Sort.unsorted(), pageable -> rows(pageable, 0));

		assertThat(page.getNumber()).isZero();
		assertThat(page.getContent()).isEmpty();
	}

	/** A page of the numbers 0..total-1, as Spring Data reads one. */
	private static Page<Long> rows(Pageable pageable, long total) {
		List<Long> content = LongStream
			.range(Math.min(pageable.getOffset(), total),
					Math.min(pageable.getOffset() + pageable.getPageSize(), total))
			.boxed()
			.toList();
		return new PageImpl<>(content, pageable, total);
	}

}
