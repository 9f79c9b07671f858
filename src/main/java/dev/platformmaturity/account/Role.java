package dev.platformmaturity.account;

/**
 * What a person may do. MEMBER: their own teams. LEAD: reads every team, reopens
 * submitted assessments. ADMIN: everything, including people, teams and quarters. Each
 * role includes the ones before it.
 */
public enum Role {

	MEMBER, LEAD, ADMIN;

	public String authority() {
		return "ROLE_" + name();
	}

	public boolean includes(Role other) {
		return compareTo(other) >= 0;
	}

}
