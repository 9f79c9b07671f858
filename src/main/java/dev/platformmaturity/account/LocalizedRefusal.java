package dev.platformmaturity.account;

/** A refused request whose reason is shown to the caller in their language. */
interface LocalizedRefusal {

	String messageKey();

	Object[] arguments();

}
