package dev.platformmaturity.team;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface MembershipRepository extends JpaRepository<Membership, Membership.Key> {

	@Query("select m.personId from Membership m where m.teamId = :teamId")
	List<Long> memberIds(@Param("teamId") long teamId);

	boolean existsByPersonIdAndTeamId(long personId, long teamId);

	@Modifying
	@Query("delete from Membership m where m.personId = :personId and m.teamId = :teamId")
	int remove(@Param("personId") long personId, @Param("teamId") long teamId);

}
