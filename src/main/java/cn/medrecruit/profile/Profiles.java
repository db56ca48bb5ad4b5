package cn.medrecruit.profile;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;
import org.springframework.data.repository.query.Param;

interface Profiles extends CrudRepository<ApplicantProfile, Long> {

	@Modifying
	@Query("""
			INSERT INTO applicant_profile (account_id, frozen, submitted_once, version, updated_at)
			SELECT :id, FALSE, FALSE, 0, CURRENT_TIMESTAMP WHERE NOT EXISTS (SELECT 1 FROM applicant_profile WHERE account_id = :id)""")
	void createIfMissing(@Param("id") long accountId);

	/** Locks the profile row: sections of one applicant are saved one after another. */
	@Query("SELECT * FROM applicant_profile WHERE account_id = :id FOR UPDATE")
	ApplicantProfile lock(@Param("id") long accountId);
}
