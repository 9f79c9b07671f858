/**
 * People, roles and the person rules; sign-in with local passwords (with lock-out) or
 * OpenID Connect; sessions and their revocation; personal access tokens; the security
 * configuration, which applies the URL rules every module declares; *Your account*,
 * people administration and the first administrator.
 */
@ApplicationModule(allowedDependencies = { "shared", "system" })
package dev.platformmaturity.account;

import org.springframework.modulith.ApplicationModule;
