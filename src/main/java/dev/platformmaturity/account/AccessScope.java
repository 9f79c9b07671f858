package dev.platformmaturity.account;

/**
 * What a personal access token may do: only read, or also write (within the rights of its
 * person).
 */
public enum AccessScope {

	READ, READ_WRITE

}
