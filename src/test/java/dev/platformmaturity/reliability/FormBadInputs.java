package dev.platformmaturity.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import dev.platformmaturity.account.Role;
import dev.platformmaturity.support.TestData;

import static dev.platformmaturity.reliability.BadInput.Expected.afterRedirect;
import static dev.platformmaturity.reliability.BadInput.Expected.form;
import static dev.platformmaturity.reliability.BadInput.Expected.page;
import static dev.platformmaturity.reliability.BadInput.type;
import static dev.platformmaturity.reliability.BadInputRequests.*;
import static dev.platformmaturity.reliability.BadInputTest.*;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The bad-input rows of the application's forms. */
final class FormBadInputs {

	private FormBadInputs() {
	}

	/**
	 * Forms: every text field refuses NUL and lone surrogates; fields that must be
	 * numbers, dates or choices.
	 */
	static List<BadInput> rows() {
		List<BadInput> rows = new ArrayList<>();
		record TextField(String form, Role as,
				Function<BadInputTest.Fixture, AbstractMockHttpServletRequestBuilder<?>> post, String name) {
		}
		List<TextField> fields = new ArrayList<>();
		for (String name : List.of("name")) {
			fields.add(new TextField("the new group form", Role.ADMIN,
					f -> post("/admin/groups").param("version", "0").param("name", "Group").param("enabled", "true"),
					name));
			fields.add(new TextField("the group form", Role.ADMIN,
					f -> post("/admin/groups/" + f.groupId()).param("version", "0")
						.param("name", "Group")
						.param("enabled", "true"),
					name));
		}
		for (String name : List.of("slug", "name")) {
			fields.add(new TextField("the new team form", Role.ADMIN,
					f -> post("/admin/teams").param("version", "0")
						.param("slug", TestData.unique("new"))
						.param("name", "Team")
						.param("groupId", String.valueOf(f.groupId())),
					name));
		}
		fields.add(new TextField("the team form", Role.ADMIN,
				f -> post("/admin/teams/" + f.team().slug()).param("version", "0")
					.param("name", "Team")
					.param("groupId", String.valueOf(f.groupId()))
					.param("enabled", "true"),
				"name"));
		fields.add(new TextField("the member form", Role.ADMIN,
				f -> post("/admin/teams/" + f.team().slug() + "/members").param("username", "someone"), "username"));
		for (String name : List.of("username", "displayName", "email", "language", "password")) {
			fields.add(new TextField("the new person form", Role.ADMIN,
					f -> post("/admin/people").param("username", TestData.unique("new.person"))
						.param("displayName", "New")
						.param("email", "")
						.param("language", "en")
						.param("role", "MEMBER")
						.param("password", "a long enough password"),
					name));
		}
		for (String name : List.of("displayName", "email", "newPassword")) {
			fields.add(new TextField("the person form", Role.ADMIN,
					f -> post("/admin/people/" + f.outsider().id()).param("version", "0")
						.param("displayName", "P")
						.param("email", "")
						.param("language", "en")
						.param("role", "MEMBER")
						.param("enabled", "true")
						.param("newPassword", ""),
					name));
		}
		fields.add(new TextField("the quarter form", Role.ADMIN,
				f -> post("/admin/quarters").param("label", "2099-Q1")
					.param("opensOn", "2099-01-01")
					.param("dueOn", "2099-02-15"),
				"label"));
		for (String name : List.of("displayName", "email", "language")) {
			fields.add(new TextField("the profile form", Role.MEMBER,
					f -> post("/account/profile").param("displayName", "Me").param("email", "").param("language", "en"),
					name));
		}
		for (String name : List.of("currentPassword", "newPassword", "confirmPassword")) {
			fields.add(new TextField("the password form", Role.MEMBER,
					f -> post("/account/password").param("currentPassword", TestData.PASSWORD)
						.param("newPassword", "another long password")
						.param("confirmPassword", "another long password"),
					name));
		}
		fields.add(new TextField("the reopen form", Role.LEAD,
				f -> post(f.assessment() + "/reopen").param("reason", "Because"), "reason"));
		for (String name : List.of("comment.investment_1", "option.investment_1", "aspect", "go")) {
			fields.add(new TextField("the answering form", Role.MEMBER,
					f -> post(f.assessment() + "/answer").param("aspect", "investment")
						.param("option.investment_1", "investment_1:3")
						.param("original-option.investment_1", "investment_1:2")
						.param("comment.investment_1", "")
						.param("original-comment.investment_1", "")
						.param("version.investment_1", "1"),
					name));
		}
		fields.add(new TextField("the import confirmation", Role.ADMIN,
				f -> post("/admin/import").param("token", "token"), "token"));
		for (TextField field : fields) {
			rows.add(new BadInput("a NUL in " + field.name() + " of " + field.form(), field.as(),
					f -> field.post().apply(f).param(field.name(), NUL),
					page(400, "input.text.nul", field.name(), 2, "U+0000")));
			rows.add(new BadInput("a lone surrogate in " + field.name() + " of " + field.form(), field.as(),
					f -> field.post().apply(f).param(field.name(), LONE_SURROGATE),
					page(400, "input.text.loneSurrogate", field.name(), 2, "U+D800")));
		}
		rows.addAll(List.of(new BadInput("a quarter opening in year 99999", Role.ADMIN,
				f -> post("/admin/quarters").param("label", f.plannedQuarter().substring(0, 4) + "-Q4")
					.param("opensOn", "+99999-01-01")
					.param("dueOn", "+99999-02-15"),
				form("quarter.date.outOfRange", "2000-01-01", "2100-12-31")),
				new BadInput("a quarter due in year 99999", Role.ADMIN,
						f -> post("/admin/quarters").param("label", f.plannedQuarter().substring(0, 4) + "-Q4")
							.param("opensOn", "2026-01-01")
							.param("dueOn", "+99999-02-15"),
						form("quarter.date.outOfRange", "2000-01-01", "2100-12-31")),
				new BadInput("a quarter opening in 1999", Role.ADMIN, f -> post("/admin/quarters")
					.param("label", f.plannedQuarter().substring(0, 4) + "-Q4")
					.param("opensOn", "1999-12-31")
					.param("dueOn", "2000-02-15"), form("quarter.date.outOfRange", "2000-01-01",
							"2100-12-31")),
				new BadInput("a quarter due in 2101", Role.ADMIN,
						f -> post("/admin/quarters").param("label", f.plannedQuarter().substring(0, 4) + "-Q4")
							.param("opensOn", "2100-12-01")
							.param("dueOn", "2101-01-15"),
						form("quarter.date.outOfRange", "2000-01-01", "2100-12-31")),
				new BadInput("a quarter date with five digits and no sign", Role.ADMIN,
						f -> post("/admin/quarters").param("label", f.plannedQuarter().substring(0, 4) + "-Q4")
							.param("opensOn", "99999-01-01")
							.param("dueOn", "2026-02-15"),
						form("typeMismatch.java.time.LocalDate")),
				new BadInput("a quarter date that does not exist", Role.ADMIN,
						f -> post("/admin/quarters").param("label", f.plannedQuarter().substring(0, 4) + "-Q4")
							.param("opensOn", "2026-02-30")
							.param("dueOn", "2026-03-15"),
						form("typeMismatch.java.time.LocalDate")),
				new BadInput("a team's group that is no number", Role.ADMIN,
						f -> post("/admin/teams").param("version", "0")
							.param("slug", TestData.unique("new"))
							.param("name", "Team")
							.param("groupId", "abc"),
						form("typeMismatch.java.lang.Long")),
				new BadInput("a person's version that is no number", Role.ADMIN,
						f -> post("/admin/people/" + f.outsider().id()).param("version", "v1")
							.param("displayName", "P")
							.param("email", "")
							.param("language", "en")
							.param("role", "MEMBER"),
						form("typeMismatch.java.lang.Long")),
				new BadInput("a role that does not exist in the person form", Role.ADMIN,
						f -> post("/admin/people").param("username", TestData.unique("new.person"))
							.param("displayName", "New")
							.param("language", "en")
							.param("role", "KING")
							.param("password", "a long enough password"),
						form("typeMismatch")),
				new BadInput("removing a person who is not a member", Role.ADMIN,
						f -> post("/admin/teams/" + f.team().slug() + "/members/" + f.outsider().id() + "/remove"),
						afterRedirect("membership.notMember", "Bad input")),
				new BadInput("removing a person who does not exist", Role.ADMIN,
						f -> post("/admin/teams/" + f.team().slug() + "/members/999999999/remove"),
						afterRedirect("membership.notMember", "Bad input")),
				new BadInput("removing a member whose id is no number", Role.ADMIN,
						f -> post("/admin/teams/" + f.team().slug() + "/members/abc/remove"),
						page(400, "input.parameter.type", "personId", type("wholeNumber"), "abc")),
				new BadInput("confirming an import without its token", Role.ADMIN, f -> post("/admin/import"),
						page(400, "input.parameter.missing", "token")),
				new BadInput("a NUL in the username when signing in", null,
						f -> post("/login").param("username", "demo\u0000admin").param("password", "whatever it is"),
						afterRedirect("signIn.failed")),
				new BadInput("a lone surrogate in the username when signing in", null,
						f -> post("/login").param("username", "demo\uDBFFadmin").param("password", "whatever it is"),
						afterRedirect("signIn.failed"))));
		return rows;
	}

}
