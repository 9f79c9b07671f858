package dev.platformmaturity.team;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface TeamGroupRepository extends JpaRepository<TeamGroup, Long> {

	@Query("select g from TeamGroup g where lower(g.name) = lower(:name)")
	Optional<TeamGroup> findByNameIgnoreCase(@Param("name") String name);

	@Query("select g from TeamGroup g where lower(g.name) = lower(:name) and g.id <> :id")
	Optional<TeamGroup> findOtherByName(@Param("name") String name, @Param("id") long id);

	@Query("""
			select new dev.platformmaturity.team.GroupSummary(g.id, g.name, g.enabled,
			    (select count(t) from Team t where t.teamGroup = g and t.enabled = true))
			from TeamGroup g
			where (:search = '' or lower(g.name) like concat('%', :search, '%') escape '\\')""")
	Page<GroupSummary> search(@Param("search") String search, Pageable pageable);

	List<TeamGroup> findByEnabledTrueOrderByName();

}
