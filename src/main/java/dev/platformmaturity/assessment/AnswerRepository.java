package dev.platformmaturity.assessment;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface AnswerRepository extends JpaRepository<Answer, Long> {

	List<Answer> findByAssessmentId(long assessmentId);

	Optional<Answer> findByAssessmentIdAndQuestionId(long assessmentId, long questionId);

}
