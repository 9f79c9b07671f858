package dev.platformmaturity.assessment;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface AssessmentEventRepository extends JpaRepository<AssessmentEvent, Long> {

	List<AssessmentEvent> findByAssessmentIdOrderByIdDesc(long assessmentId);

}
