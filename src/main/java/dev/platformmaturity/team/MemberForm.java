package dev.platformmaturity.team;

import jakarta.validation.constraints.NotBlank;

record MemberForm(@NotBlank(message = "{membership.username.required}") String username) {
}
