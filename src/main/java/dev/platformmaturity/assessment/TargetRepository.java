package dev.platformmaturity.assessment;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface TargetRepository extends JpaRepository<Target, Target.Key> {

	List<Target> findByAssessmentId(long assessmentId);

}
