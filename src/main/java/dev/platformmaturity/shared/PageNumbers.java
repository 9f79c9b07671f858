package dev.platformmaturity.shared;

import java.util.function.Function;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * Page numbers from an address (counted from 0): one below the first shows the first
 * page, one beyond the last shows the last page, so an old or edited link never fails.
 */
public final class PageNumbers {

	private PageNumbers() {
	}

	/** Reads the requested page, or the last one when the request goes beyond it. */
	public static <T> Page<T> within(int requested, int size, Sort sort, Function<Pageable, Page<T>> read) {
		Page<T> page = read.apply(PageRequest.of(readable(requested, size), size, sort));
		int last = last(page.getTotalElements(), size);
		return page.getNumber() > last ? read.apply(PageRequest.of(last, size, sort)) : page;
	}

	/**
	 * The requested page, not below the first and not so far that its first row's offset
	 * leaves the int range.
	 */
	public static int readable(int requested, int size) {
		return Math.max(0, Math.min(requested, Integer.MAX_VALUE / size - 1));
	}

	/** The number of the last page of this many rows; 0 when there are none. */
	public static int last(long rows, int size) {
		return rows == 0 ? 0 : (int) ((rows - 1) / size);
	}

}
