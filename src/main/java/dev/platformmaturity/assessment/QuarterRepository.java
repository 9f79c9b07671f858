package dev.platformmaturity.assessment;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface QuarterRepository extends JpaRepository<Quarter, Long> {

	Optional<Quarter> findByLabel(String label);

	/**
	 * The quarter, locked until the end of the transaction: its transitions happen one
	 * after the other.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select q from Quarter q where q.label = :label")
	Optional<Quarter> lockByLabel(@Param("label") String label);

	Optional<Quarter> findByState(QuarterState state);

	List<Quarter> findAllByOrderByLabelDesc();

}
