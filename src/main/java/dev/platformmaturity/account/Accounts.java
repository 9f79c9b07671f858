package dev.platformmaturity.account;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.platformmaturity.shared.FieldProblem;
import dev.platformmaturity.shared.SearchTerms;

/** People and their accounts: what other modules may ask and do. */
@Service
public class Accounts {

	static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	public static final List<String> LANGUAGES = List.of("en", "zh-CN");

	private final PersonRepository people;

	private final PasswordEncoder passwordEncoder;

	Accounts(PersonRepository people, PasswordEncoder passwordEncoder) {
		this.people = people;
		this.passwordEncoder = passwordEncoder;
	}

	@Transactional(readOnly = true)
	public Optional<PersonInfo> find(long id) {
		return people.findById(id).map(Person::info);
	}

	@Transactional(readOnly = true)
	public Optional<PersonInfo> findByUsername(String username) {
		return people.findByUsername(Usernames.normalize(username)).map(Person::info);
	}

	@Transactional(readOnly = true)
	public Map<String, PersonInfo> findByUsernames(Collection<String> usernames) {
		return people.findByUsernameIn(usernames.stream().map(Usernames::normalize).toList())
			.stream()
			.map(Person::info)
			.collect(Collectors.toMap(PersonInfo::username, Function.identity()));
	}

	@Transactional(readOnly = true)
	public Map<Long, PersonInfo> findAll(Collection<Long> ids) {
		return people.findAllById(ids).stream().map(Person::info).collect(Collectors.toMap(PersonInfo::id, Function.identity()));
	}

	@Transactional(readOnly = true)
	public boolean anyEnabledAdministrator() {
		return people.existsByRoleAndEnabledTrue(Role.ADMIN);
	}

	/** Every problem that would stop {@code person} from being created, without changing anything. */
	@Transactional(readOnly = true)
	public List<FieldProblem> problems(NewPerson person) {
		List<FieldProblem> problems = new ArrayList<>();
		String username = Usernames.normalize(person.username());
		if (!Usernames.VALID.matcher(username).matches()) {
			problems.add(new FieldProblem("username", "person.username.invalid"));
		}
		else if (people.existsByUsername(username)) {
			problems.add(new FieldProblem("username", "person.username.taken", username));
		}
		if (person.displayName() == null || person.displayName().isBlank()) {
			problems.add(new FieldProblem("displayName", "person.displayName.required"));
		}
		else if (person.displayName().strip().length() > 200) {
			problems.add(new FieldProblem("displayName", "person.displayName.tooLong"));
		}
		emailProblem(person.email(), null).ifPresent(problems::add);
		if (person.language() == null || !LANGUAGES.contains(person.language())) {
			problems.add(new FieldProblem("language", "person.language.invalid", String.join(", ", LANGUAGES)));
		}
		if (person.role() == null) {
			problems.add(new FieldProblem("role", "person.role.invalid"));
		}
		PasswordPolicy.problem(person.password(), username)
			.ifPresent(key -> problems.add(new FieldProblem("password", key, PasswordPolicy.MIN_LENGTH)));
		return problems;
	}

	@Transactional
	@PreAuthorize("hasRole('ADMIN')")
	public PersonInfo create(NewPerson person) {
		List<FieldProblem> problems = problems(person);
		if (!problems.isEmpty()) {
			throw new InvalidPersonException(problems);
		}
		return people.save(new Person(Usernames.normalize(person.username()), person.displayName().strip(),
				blankToNull(person.email()), person.language(), passwordEncoder.encode(person.password()), person.role()))
			.info();
	}

	/** An administrator's change of a person; a new password only when given. */
	@Transactional
	@PreAuthorize("hasRole('ADMIN')")
	PersonInfo update(long id, long expectedVersion, PersonChange change, long changedBy) {
		Person person = people.findById(id).orElseThrow(() -> new PersonNotFoundException(id));
		if (person.version() != expectedVersion) {
			throw new org.springframework.orm.ObjectOptimisticLockingFailureException(Person.class, id);
		}
		List<FieldProblem> problems = new ArrayList<>();
		if (change.displayName() == null || change.displayName().isBlank()) {
			problems.add(new FieldProblem("displayName", "person.displayName.required"));
		}
		emailProblem(change.email(), id).ifPresent(problems::add);
		if (!LANGUAGES.contains(change.language())) {
			problems.add(new FieldProblem("language", "person.language.invalid", String.join(", ", LANGUAGES)));
		}
		boolean losesAdministration = person.role() == Role.ADMIN && person.enabled()
				&& (change.role() != Role.ADMIN || !change.enabled());
		if (losesAdministration && id == changedBy) {
			problems.add(new FieldProblem("role", "person.admin.notYourself"));
		}
		else if (losesAdministration && people.countByRoleAndEnabledTrue(Role.ADMIN) <= 1) {
			problems.add(new FieldProblem("role", "person.admin.last"));
		}
		if (change.newPassword() != null && !change.newPassword().isEmpty()) {
			PasswordPolicy.problem(change.newPassword(), person.username())
				.ifPresent(key -> problems.add(new FieldProblem("newPassword", key, PasswordPolicy.MIN_LENGTH)));
		}
		if (!problems.isEmpty()) {
			throw new InvalidPersonException(problems);
		}
		person.update(change.displayName().strip(), blankToNull(change.email()), change.language(), change.role(),
				change.enabled());
		if (change.newPassword() != null && !change.newPassword().isEmpty()) {
			person.changePasswordHash(passwordEncoder.encode(change.newPassword()));
		}
		return people.saveAndFlush(person).info();
	}

	/** A person changes their own name, e-mail and language. */
	@Transactional
	PersonInfo updateProfile(long id, String displayName, String email, String language) {
		Person person = people.findById(id).orElseThrow(() -> new PersonNotFoundException(id));
		List<FieldProblem> problems = new ArrayList<>();
		if (displayName == null || displayName.isBlank()) {
			problems.add(new FieldProblem("displayName", "person.displayName.required"));
		}
		emailProblem(email, id).ifPresent(problems::add);
		if (!LANGUAGES.contains(language)) {
			problems.add(new FieldProblem("language", "person.language.invalid", String.join(", ", LANGUAGES)));
		}
		if (!problems.isEmpty()) {
			throw new InvalidPersonException(problems);
		}
		person.updateProfile(displayName.strip(), blankToNull(email), language);
		return person.info();
	}

	/** A person changes their own password, proving they know the current one. */
	@Transactional
	void changePassword(long id, String currentPassword, String newPassword) {
		Person person = people.findById(id).orElseThrow(() -> new PersonNotFoundException(id));
		if (currentPassword == null || !passwordEncoder.matches(currentPassword, person.passwordHash())) {
			throw new InvalidPersonException(List.of(new FieldProblem("currentPassword", "password.currentWrong")));
		}
		var problem = PasswordPolicy.problem(newPassword, person.username());
		if (problem.isPresent()) {
			throw new InvalidPersonException(List.of(new FieldProblem("newPassword", problem.get(), PasswordPolicy.MIN_LENGTH)));
		}
		person.changePasswordHash(passwordEncoder.encode(newPassword));
	}

	@Transactional
	void changeLanguage(long id, String language) {
		if (LANGUAGES.contains(language)) {
			people.findById(id).ifPresent(person -> person.changeLanguage(language));
		}
	}

	Optional<FieldProblem> emailProblem(String email, Long personId) {
		String value = blankToNull(email);
		if (value == null) {
			return Optional.empty();
		}
		if (value.length() > 254 || !EMAIL.matcher(value).matches()) {
			return Optional.of(new FieldProblem("email", "person.email.invalid"));
		}
		boolean taken = personId == null ? people.existsByEmail(value) : people.existsByEmailForOther(value, personId);
		return taken ? Optional.of(new FieldProblem("email", "person.email.taken")) : Optional.empty();
	}

	@Transactional(readOnly = true)
	Optional<PersonDetails> details(long id) {
		return people.findById(id).map(person -> new PersonDetails(person.info(), person.version()));
	}

	@Transactional(readOnly = true)
	Page<Person> search(String search, Role role, Pageable pageable) {
		return people.search(SearchTerms.likePattern(search), role, pageable);
	}

	/**
	 * Enabled people whose username, name or e-mail contains what was typed, by name, at most {@code limit}: for an
	 * administrator choosing someone. Nothing typed finds nobody.
	 */
	@Transactional(readOnly = true)
	@PreAuthorize("hasRole('ADMIN')")
	public List<PersonInfo> lookup(String typed, int limit) {
		String pattern = SearchTerms.likePattern(typed);
		if (pattern.isEmpty()) {
			return List.of();
		}
		return people.lookup(pattern, PageRequest.of(0, limit)).stream().map(Person::info).toList();
	}


	static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
