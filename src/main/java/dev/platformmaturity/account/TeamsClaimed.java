package dev.platformmaturity.account;

import java.util.Set;

/**
 * A person signed in through a provider whose team claim lists the slugs of their teams;
 * their memberships should follow it. Published within the sign-in's transaction.
 */
public record TeamsClaimed(long personId, String username, Set<String> teamSlugs) {
}
