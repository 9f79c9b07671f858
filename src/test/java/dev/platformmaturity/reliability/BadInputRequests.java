package dev.platformmaturity.reliability;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dev.platformmaturity.account.Role;
import dev.platformmaturity.reliability.BadInput.Expected;

import static dev.platformmaturity.reliability.BadInputTest.actionPages;
import static dev.platformmaturity.reliability.BadInputTest.actions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Builders of the rows of the bad-input table: a request to a path of the fixture, signed
 * in as whom.
 */
final class BadInputRequests {

	private BadInputRequests() {
	}

	static BadInput json(String name, Function<BadInputTest.Fixture, String> path, String body, Expected expected) {
		return new BadInput(name, Role.MEMBER,
				f -> put(path.apply(f)).contentType(MediaType.APPLICATION_JSON).content(body), expected);
	}

	static BadInput newAction(String name, String body, Expected expected) {
		return newAction(name, f -> body, expected);
	}

	static BadInput newAction(String name, Function<BadInputTest.Fixture, String> body, Expected expected) {
		return new BadInput(name, Role.MEMBER,
				f -> post(actions(f)).contentType(MediaType.APPLICATION_JSON).content(body.apply(f)), expected);
	}

	static BadInput actionForm(String name, String field, String value, Expected expected) {
		Map<String, String> fields = new LinkedHashMap<>(Map.of("title", "T", "aspect", "investment"));
		fields.put(field, value);
		return new BadInput(name, Role.MEMBER, f -> {
			MockHttpServletRequestBuilder request = post(actionPages(f));
			fields.forEach(request::param);
			return request;
		}, expected);
	}

	static BadInput cncf(String name, String path, String shared, Expected expected) {
		return new BadInput(name, Role.MEMBER,
				f -> post(f.assessment() + "/cncf-import" + path).param("shared", shared), expected);
	}

	static BadInput exchangeFile(String name, String file, Expected expected) {
		return new BadInput(name, Role.ADMIN,
				f -> post("/api/v1/teams/" + f.team().slug() + "/exchange").contentType(MediaType.APPLICATION_JSON)
					.content(file),
				expected);
	}

	static BadInput jsonBytes(String name, Function<BadInputTest.Fixture, String> path, byte[] body,
			Expected expected) {
		return new BadInput(name, Role.MEMBER,
				f -> put(path.apply(f)).contentType(MediaType.APPLICATION_JSON).content(body), expected);
	}

	static BadInput apiGet(String name, Role as, String path, String parameter, String value, Expected expected) {
		return new BadInput(name, as, f -> get(path).param(parameter, value), expected);
	}

	static BadInput pageGet(String name, Role as, String path, String parameter, String value, Expected expected) {
		return new BadInput(name, as, f -> get(path).param(parameter, value), expected);
	}

	static BadInput preview(String name, String teams, String people, Expected expected) {
		return preview(name, teams, people, StandardCharsets.UTF_8, expected);
	}

	static BadInput preview(String name, String teams, String people, Charset charset, Expected expected) {
		return new BadInput(name, Role.ADMIN,
				f -> multipart("/admin/import/preview")
					.file(new MockMultipartFile("teams", "teams.csv", "text/csv",
							teams == null ? new byte[0] : teams.getBytes(charset)))
					.file(new MockMultipartFile("people", "people.csv", "text/csv",
							people == null ? new byte[0] : people.getBytes(charset))),
				expected);
	}

	static BadInput previewBytes(String name, byte[] teams, Expected expected) {
		return new BadInput(name, Role.ADMIN, f -> multipart("/admin/import/preview")
			.file(new MockMultipartFile("teams", "teams.csv", "text/csv", teams)), expected);
	}

	static byte[] bytes(String before, byte[] raw, String after) {
		byte[] head = before.getBytes(StandardCharsets.UTF_8);
		byte[] tail = after.getBytes(StandardCharsets.UTF_8);
		byte[] all = new byte[head.length + raw.length + tail.length];
		System.arraycopy(head, 0, all, 0, head.length);
		System.arraycopy(raw, 0, all, head.length, raw.length);
		System.arraycopy(tail, 0, all, head.length + raw.length, tail.length);
		return all;
	}

}
