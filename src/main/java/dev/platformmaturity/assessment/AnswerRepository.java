package dev.platformmaturity.assessment;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface AnswerRepository extends JpaRepository<Answer, Long> {

	List<Answer> findByAssessmentId(long assessmentId);

}
