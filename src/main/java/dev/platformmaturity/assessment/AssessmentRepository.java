package dev.platformmaturity.assessment;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AssessmentRepository extends JpaRepository<Assessment, Long> {

	Optional<Assessment> findByTeamIdAndQuarterId(long teamId, long quarterId);

	/**
	 * Marks the assessment as changed without touching its version: saves of different answers run side by side and
	 * must not conflict with each other (each answer has its own version).
	 */
	@Modifying
	@Query("update Assessment a set a.updatedAt = :at where a.id = :id")
	void touch(@Param("id") long id, @Param("at") java.time.Instant at);

	/** The team's assessments, newest quarter first. */
	@Query("""
			select a from Assessment a, Quarter q where q.id = a.quarterId and a.teamId = :teamId
			order by q.label desc""")
	List<Assessment> findByTeamNewestFirst(@Param("teamId") long teamId);

}
