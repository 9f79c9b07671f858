package dev.platformmaturity.assessment;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface QuarterRepository extends JpaRepository<Quarter, Long> {

	Optional<Quarter> findByLabel(String label);

	Optional<Quarter> findByState(QuarterState state);

	List<Quarter> findAllByOrderByLabelDesc();

}
