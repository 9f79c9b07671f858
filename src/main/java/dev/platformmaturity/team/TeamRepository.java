package dev.platformmaturity.team;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface TeamRepository extends JpaRepository<Team, Long> {

	String SUMMARY = """
			select new dev.platformmaturity.team.TeamSummary(t.id, t.slug, t.name, g.id, g.name, t.enabled,
			    (select count(m) from Membership m where m.teamId = t.id))
			from Team t join t.teamGroup g
			""";

	@Query("select t from Team t join fetch t.teamGroup where t.slug = :slug")
	Optional<Team> findBySlug(@Param("slug") String slug);

	boolean existsBySlug(String slug);

	List<Team> findBySlugIn(Collection<String> slugs);

	@Query("select t.slug from Team t where t.slug in :slugs")
	List<String> existingSlugs(@Param("slugs") Collection<String> slugs);

	@Query(SUMMARY + """
			where (:search = '' or lower(t.name) like concat('%', :search, '%') escape '\\'
			       or t.slug like concat('%', :search, '%') escape '\\')
			  and (:groupId is null or g.id = :groupId)
			  and (:includeDisabled = true or t.enabled = true)""")
	Page<TeamSummary> search(@Param("search") String search, @Param("groupId") Long groupId,
			@Param("includeDisabled") boolean includeDisabled, Pageable pageable);

	@Query(SUMMARY + "where t.enabled = true order by lower(t.name)")
	List<TeamSummary> enabledSummaries();

	@Query(SUMMARY
			+ """
					where t.enabled = true and exists (select 1 from Membership m where m.teamId = t.id and m.personId = :personId)
					order by lower(t.name)""")
	List<TeamSummary> summariesOfMember(@Param("personId") long personId);

	@Query(nativeQuery = true,
			value = "select exists (select 1 from team t where t.slug = :slug and " + TeamAccess.MEMBER_OF_TEAM + ")")
	boolean memberOf(@Param("slug") String slug, @Param("person") long personId);

}
