package dev.platformmaturity.shared;

import java.util.Set;

import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

import org.springframework.stereotype.Component;

/**
 * Gives templates {@code #display.text(...)} for text people typed:
 * {@code th:text="${#display.text(team.name)}"} shows a name through {@link DisplayText}.
 * Use it wherever a page shows a team, group or person name or a comment; never in form
 * fields, which must give back what was typed.
 */
@Component
public class DisplayTextDialect extends AbstractDialect implements IExpressionObjectDialect {

	private static final Texts TEXTS = new Texts();

	public DisplayTextDialect() {
		super("display-text");
	}

	/** The object behind {@code #display}. */
	public static final class Texts {

		public String text(String typed) {
			return DisplayText.of(typed);
		}

	}

	@Override
	public IExpressionObjectFactory getExpressionObjectFactory() {
		return new IExpressionObjectFactory() {

			@Override
			public Set<String> getAllExpressionObjectNames() {
				return Set.of("display");
			}

			@Override
			public Object buildObject(IExpressionContext context, String expressionObjectName) {
				return TEXTS;
			}

			@Override
			public boolean isCacheable(String expressionObjectName) {
				return true;
			}

		};
	}

}
