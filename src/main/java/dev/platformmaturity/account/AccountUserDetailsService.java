package dev.platformmaturity.account;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class AccountUserDetailsService implements UserDetailsService {

	private final PersonRepository people;

	AccountUserDetailsService(PersonRepository people) {
		this.people = people;
	}

	@Override
	@Transactional(readOnly = true)
	public AccountUser loadUserByUsername(String username) {
		return people.findByUsername(Usernames.normalize(username))
			.map(AccountUser::new)
			.orElseThrow(() -> new UsernameNotFoundException("No such person"));
	}

}
