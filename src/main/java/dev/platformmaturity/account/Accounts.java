package dev.platformmaturity.account;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.Validator;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.platformmaturity.shared.FieldProblem;
import dev.platformmaturity.shared.SearchTerms;

/** People and their accounts: what other modules may ask and do. */
@Service
public class Accounts {

	private final PersonRepository people;

	private final PasswordEncoder passwordEncoder;

	private final Validator validator;

	private final SignInThrottle throttle;

	private final ApplicationEventPublisher events;

	Accounts(PersonRepository people, PasswordEncoder passwordEncoder, Validator validator, SignInThrottle throttle,
			ApplicationEventPublisher events) {
		this.people = people;
		this.passwordEncoder = passwordEncoder;
		this.validator = validator;
		this.throttle = throttle;
		this.events = events;
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
		return people.findAllById(ids)
			.stream()
			.map(Person::info)
			.collect(Collectors.toMap(PersonInfo::id, Function.identity()));
	}

	/** Whether the person has a local password (people of a provider may have none). */
	@Transactional(readOnly = true)
	boolean hasPassword(long id) {
		return people.findById(id).map(person -> person.passwordHash() != null).orElse(false);
	}

	@Transactional(readOnly = true)
	public boolean anyEnabledAdministrator() {
		return people.existsByRoleAndEnabledTrue(Role.ADMIN);
	}

	/**
	 * Every problem that would stop {@code person} from being created, without changing
	 * anything.
	 */
	@Transactional(readOnly = true)
	public List<FieldProblem> problems(NewPerson person) {
		List<FieldProblem> problems = new ArrayList<>(PersonRules.check(validator, person));
		String username = Usernames.normalize(person.username());
		if (!hasProblem(problems, "username") && people.existsByUsername(username)) {
			problems.add(new FieldProblem("username", "person.username.taken", username));
		}
		if (!hasProblem(problems, "email") && emailTaken(person.email(), null)) {
			problems.add(new FieldProblem("email", "person.email.taken"));
		}
		return problems;
	}

	@Transactional
	@PreAuthorize("hasRole('ADMIN')")
	public PersonInfo create(NewPerson person) {
		List<FieldProblem> problems = problems(person);
		if (!problems.isEmpty()) {
			throw new InvalidPersonException(problems);
		}
		return people
			.save(new Person(Usernames.normalize(person.username()), person.displayName().strip(),
					blankToNull(person.email()), person.language(), passwordEncoder.encode(person.password()),
					person.role()))
			.info();
	}

	/**
	 * An administrator's change of a person; a new password only when given. Changing the
	 * role, disabling the person or setting their password ends their sessions; an
	 * administrator who sets their own password keeps {@code changerSession}.
	 */
	@Transactional
	@PreAuthorize("hasRole('ADMIN')")
	PersonInfo update(long id, long expectedVersion, PersonChange change, long changedBy, String changerSession) {
		Person person = people.findById(id).orElseThrow(() -> new PersonNotFoundException(id));
		if (person.version() != expectedVersion) {
			throw new ObjectOptimisticLockingFailureException(Person.class, id);
		}
		List<FieldProblem> problems = new ArrayList<>(PersonRules.check(validator, change));
		if (!hasProblem(problems, "email") && emailTaken(change.email(), id)) {
			problems.add(new FieldProblem("email", "person.email.taken"));
		}
		boolean losesAdministration = person.role() == Role.ADMIN && person.enabled()
				&& (change.role() != Role.ADMIN || !change.enabled());
		if (losesAdministration && id == changedBy) {
			problems.add(new FieldProblem("role", "person.admin.notYourself"));
		}
		else if (losesAdministration && people.countByRoleAndEnabledTrue(Role.ADMIN) <= 1) {
			problems.add(new FieldProblem("role", "person.admin.last"));
		}
		if (change.changesPassword()) {
			problems.addAll(passwordProblems(person.username(), change.newPassword()));
		}
		if (!problems.isEmpty()) {
			throw new InvalidPersonException(problems);
		}
		boolean accessChanges = change.role() != person.role() || change.enabled() != person.enabled()
				|| change.changesPassword();
		person.update(change.displayName().strip(), blankToNull(change.email()), change.language(), change.role(),
				change.enabled());
		if (change.changesPassword()) {
			person.changePasswordHash(passwordEncoder.encode(change.newPassword()));
		}
		PersonInfo updated = people.saveAndFlush(person).info();
		if (accessChanges) {
			events.publishEvent(new AccessChanged(person.username(), id == changedBy ? changerSession : null));
		}
		return updated;
	}

	/** A person changes their own name, e-mail and language. */
	@Transactional
	PersonInfo updateProfile(long id, ProfileChange change) {
		Person person = people.findById(id).orElseThrow(() -> new PersonNotFoundException(id));
		List<FieldProblem> problems = new ArrayList<>(PersonRules.check(validator, change));
		if (!hasProblem(problems, "email") && emailTaken(change.email(), id)) {
			problems.add(new FieldProblem("email", "person.email.taken"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidPersonException(problems);
		}
		person.updateProfile(change.displayName().strip(), blankToNull(change.email()), change.language());
		return person.info();
	}

	/**
	 * A person changes their own password, proving they know the current one. Wrong
	 * current passwords count toward the same lock as failed sign-ins. Every other
	 * session of the person ends; {@code currentSession} stays.
	 */
	@Transactional
	void changePassword(long id, String currentPassword, String newPassword, String currentSession) {
		Person person = people.findById(id).orElseThrow(() -> new PersonNotFoundException(id));
		var locked = throttle.lockedFor(person.username());
		if (locked.isPresent()) {
			throw new InvalidPersonException(List
				.of(new FieldProblem("currentPassword", "signIn.locked", SignInThrottle.minutes(locked.get()))));
		}
		if (currentPassword == null || currentPassword.isEmpty()) {
			throw new InvalidPersonException(List.of(new FieldProblem("currentPassword", "password.currentRequired")));
		}
		if (person.passwordHash() == null || !passwordEncoder.matches(currentPassword, person.passwordHash())) {
			var nowLocked = throttle.recordFailure(person.username());
			throw new InvalidPersonException(List.of(nowLocked.isPresent()
					? new FieldProblem("currentPassword", "signIn.locked", SignInThrottle.minutes(nowLocked.get()))
					: new FieldProblem("currentPassword", "password.currentWrong")));
		}
		throttle.clear(person.username());
		List<FieldProblem> problems = passwordProblems(person.username(), newPassword);
		if (!problems.isEmpty()) {
			throw new InvalidPersonException(problems);
		}
		person.changePasswordHash(passwordEncoder.encode(newPassword));
		events.publishEvent(new AccessChanged(person.username(), currentSession));
	}

	/** Problems of a new password, reported on the field {@code newPassword}. */
	private List<FieldProblem> passwordProblems(String username, String password) {
		return PersonRules.check(validator, new NewPassword(username, password))
			.stream()
			.map(problem -> new FieldProblem("newPassword", problem.messageKey(), problem.arguments()))
			.toList();
	}

	@Transactional
	void changeLanguage(long id, String language) {
		if (PersonRules.LANGUAGES.contains(language)) {
			people.findById(id).ifPresent(person -> person.changeLanguage(language));
		}
	}

	private boolean emailTaken(String email, Long personId) {
		String value = blankToNull(email);
		if (value == null) {
			return false;
		}
		return personId == null ? people.existsByEmail(value) : people.existsByEmailForOther(value, personId);
	}

	private static boolean hasProblem(List<FieldProblem> problems, String field) {
		return problems.stream().anyMatch(problem -> problem.field().equals(field));
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
	 * Enabled people whose username, name or e-mail contains what was typed, by name, at
	 * most {@code limit}: for an administrator choosing someone. Nothing typed finds
	 * nobody.
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
