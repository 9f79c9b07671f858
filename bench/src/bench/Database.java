package bench;

/** A database and its owner role that the driver creates for one team count and drops afterwards. */
record Database(String name, String role, String password) {

	String url(String port) {
		return "jdbc:postgresql://localhost:" + port + "/" + name;
	}

}
