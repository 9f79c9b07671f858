package dev.platformmaturity.account;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * *Your account*: a new personal access token, valid until the end of {@code expiresOn}
 * (UTC).
 */
record TokenForm(String name, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate expiresOn, AccessScope scope) {
}
