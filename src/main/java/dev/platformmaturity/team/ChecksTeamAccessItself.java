package dev.platformmaturity.team;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A handler of a team URL that checks who may read or change the team in the statement
 * that reads or locks its data, so the web layer skips its own look-up. When that
 * statement refuses the caller, the handler calls {@link TeamAccess#requireReadable}
 * before anything else, so a team the caller may not read is still answered 404 like one
 * that does not exist. For the two requests of answering (the page and the autosave),
 * which are most of the application's traffic.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ChecksTeamAccessItself {

}
