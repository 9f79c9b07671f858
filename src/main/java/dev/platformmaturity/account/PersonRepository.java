package dev.platformmaturity.account;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface PersonRepository extends JpaRepository<Person, Long> {

	Optional<Person> findByUsername(String username);

	boolean existsByUsername(String username);

	Optional<Person> findByIdentityProviderAndIdentitySubject(String identityProvider, String identitySubject);

	@Query("select count(p) > 0 from Person p where lower(p.email) = lower(:email)")
	boolean existsByEmail(@Param("email") String email);

	@Query("select count(p) > 0 from Person p where lower(p.email) = lower(:email) and p.id <> :id")
	boolean existsByEmailForOther(@Param("email") String email, @Param("id") long id);

	boolean existsByRoleAndEnabledTrue(Role role);

	long countByRoleAndEnabledTrue(Role role);

	List<Person> findByUsernameIn(Collection<String> usernames);

	@Query("""
			select p from Person p
			where (:search = '' or lower(p.username) like concat('%', :search, '%') escape '\\'
			       or lower(p.displayName) like concat('%', :search, '%') escape '\\'
			       or lower(coalesce(p.email, '')) like concat('%', :search, '%') escape '\\')
			  and (:role is null or p.role = :role)""")
	Page<Person> search(@Param("search") String search, @Param("role") Role role, Pageable pageable);

	@Query("""
			select p from Person p
			where p.enabled = true
			  and (lower(p.username) like concat('%', :search, '%') escape '\\'
			       or lower(p.displayName) like concat('%', :search, '%') escape '\\'
			       or lower(coalesce(p.email, '')) like concat('%', :search, '%') escape '\\')
			order by lower(p.displayName), p.username""")
	List<Person> lookup(@Param("search") String search, Pageable pageable);

}
