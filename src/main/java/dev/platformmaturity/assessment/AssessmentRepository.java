package dev.platformmaturity.assessment;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AssessmentRepository extends JpaRepository<Assessment, Long> {

	Optional<Assessment> findByTeamIdAndQuarterId(long teamId, long quarterId);

	/** The team's assessments, newest quarter first. */
	@Query("""
			select a from Assessment a, Quarter q where q.id = a.quarterId and a.teamId = :teamId
			order by q.label desc""")
	List<Assessment> findByTeamNewestFirst(@Param("teamId") long teamId);

}
