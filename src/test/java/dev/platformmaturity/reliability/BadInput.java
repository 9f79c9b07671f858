package dev.platformmaturity.reliability;

import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import dev.platformmaturity.account.Role;

/**
 * One row of the bad-input table: a malformed request, who sends it (null: nobody signed
 * in), and what must come back. The request is built from the test's fixture; language,
 * sign-in and CSRF token are added when it is sent.
 */
record BadInput(String name, Role as, Function<BadInputTest.Fixture, AbstractMockHttpServletRequestBuilder<?>> request,
		Expected expected) {

	@Override
	public String toString() {
		return name;
	}

	/**
	 * Where the message appears: the problem's detail (API), the page, or the page a
	 * redirect leads to.
	 */
	enum Shown {

		DETAIL, PAGE, AFTER_REDIRECT

	}

	/**
	 * The status and the message the person must get. The message is either resolved from
	 * the message bundles in each language, or (for rules that another part of the
	 * application will define) matched by a pattern per language; {@code notShown} is a
	 * message that must not appear, such as a wrong explanation given today.
	 */
	record Expected(int status, Shown shown, MessageSourceResolvable message, Pattern english, Pattern chinese,
			String notShown) {

		static Expected problem(int status, String key, Object... arguments) {
			return new Expected(status, Shown.DETAIL, messageOf(key, arguments), null, null, null);
		}

		static Expected page(int status, String key, Object... arguments) {
			return new Expected(status, Shown.PAGE, messageOf(key, arguments), null, null, null);
		}

		/**
		 * A form shown again with the message beside its field (status 200, as every form
		 * with a problem).
		 */
		static Expected form(String key, Object... arguments) {
			return page(200, key, arguments);
		}

		static Expected afterRedirect(String key, Object... arguments) {
			return new Expected(302, Shown.AFTER_REDIRECT, messageOf(key, arguments), null, null, null);
		}

		static Expected problemMentioning(int status, String english, String chinese, String notShown) {
			return new Expected(status, Shown.DETAIL, null, Pattern.compile(english), Pattern.compile(chinese),
					notShown);
		}

		static Expected pageMentioning(int status, String english, String chinese, String notShown) {
			return new Expected(status, Shown.PAGE, null, Pattern.compile(english), Pattern.compile(chinese), notShown);
		}

		Pattern pattern(Locale language) {
			return language.getLanguage().equals("zh") ? chinese : english;
		}

	}

	static MessageSourceResolvable messageOf(String key, Object... arguments) {
		return new DefaultMessageSourceResolvable(new String[] { key }, arguments);
	}

	/**
	 * The description of a kind of value, as messages about wrong types give it ("a whole
	 * number").
	 */
	static MessageSourceResolvable type(String kind, Object... arguments) {
		return messageOf("input.type." + kind, arguments);
	}

}
