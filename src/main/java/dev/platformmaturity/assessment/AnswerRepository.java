package dev.platformmaturity.assessment;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AnswerRepository extends JpaRepository<Answer, Long> {

	List<Answer> findByAssessmentId(long assessmentId);

	Optional<Answer> findByAssessmentIdAndQuestionId(long assessmentId, long questionId);

	@Query("select count(a) from Answer a where a.assessmentId = :assessmentId and (a.level is not null or a.notApplicable)")
	long countAnswered(@Param("assessmentId") long assessmentId);

}
