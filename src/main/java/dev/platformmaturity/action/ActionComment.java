package dev.platformmaturity.action;

import java.time.Instant;

/** A comment on an action; {@code by} is null when its author's account is gone. */
public record ActionComment(long id, String text, ActionState.Person by, Instant at) {
}
