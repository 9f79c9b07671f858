package dev.platformmaturity.team;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 for uploaded files: bytes that are not UTF-8 are refused with the line
 * they are on, never replaced.
 */
final class Utf8 {

	private Utf8() {
	}

	static String decode(byte[] bytes) throws UndecodableException {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(bytes);
		CharBuffer out = CharBuffer.allocate(bytes.length);
		CoderResult result = decoder.decode(in, out, true);
		if (!result.isError()) {
			result = decoder.flush(out);
		}
		if (result.isError()) {
			throw new UndecodableException(lineOf(bytes, in.position()));
		}
		return out.flip().toString();
	}

	/** The line (from 1) a byte is on; a line ends with LF, CR LF or a CR alone. */
	private static long lineOf(byte[] bytes, int position) {
		long line = 1;
		for (int i = 0; i < position; i++) {
			if (bytes[i] == '\n' || bytes[i] == '\r' && (i + 1 >= bytes.length || bytes[i + 1] != '\n')) {
				line++;
			}
		}
		return line;
	}

	/** The bytes are not UTF-8; the first undecodable byte is on {@link #line()}. */
	static final class UndecodableException extends Exception {

		private final long line;

		UndecodableException(long line) {
			super("Not UTF-8 at line " + line);
			this.line = line;
		}

		long line() {
			return line;
		}

	}

}
