package dev.platformmaturity.assessment;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

@Entity
class Quarter {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String label;

	private LocalDate opensOn;

	private LocalDate dueOn;

	@Enumerated(EnumType.STRING)
	private QuarterState state = QuarterState.PLANNED;

	@Column(insertable = false, updatable = false)
	private Instant createdAt;

	@Version
	private long version;

	protected Quarter() {
	}

	Quarter(String label, LocalDate opensOn, LocalDate dueOn) {
		this.label = label;
		this.opensOn = opensOn;
		this.dueOn = dueOn;
	}

	QuarterInfo info() {
		return new QuarterInfo(id, label, opensOn, dueOn, state);
	}

	void moveTo(QuarterState next) {
		this.state = next;
	}

	void reschedule(LocalDate opensOn, LocalDate dueOn) {
		this.opensOn = opensOn;
		this.dueOn = dueOn;
	}

	Long id() {
		return id;
	}

	QuarterState state() {
		return state;
	}

	String label() {
		return label;
	}

}
