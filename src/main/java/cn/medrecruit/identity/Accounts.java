package cn.medrecruit.identity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;
import org.springframework.data.repository.query.Param;

interface Accounts extends CrudRepository<Account, Long> {

	Optional<Account> findByLoginName(String loginName);

	Optional<Account> findByIdNumberHash(String idNumberHash);

	boolean existsByLoginName(String loginName);

	boolean existsByIdNumberHash(String idNumberHash);

	@Modifying
	@Query("""
			UPDATE account SET failed_attempts = failed_attempts + 1,
			       locked_until = CASE WHEN failed_attempts + 1 >= :max THEN :lockUntil ELSE locked_until END,
			       version = version + 1
			 WHERE id = :id""")
	void recordFailedLogin(@Param("id") long id, @Param("max") int max, @Param("lockUntil") Instant lockUntil);

	@Modifying
	@Query("UPDATE account SET failed_attempts = 0, locked_until = NULL, last_login_at = :at, version = version + 1 WHERE id = :id")
	void recordSuccessfulLogin(@Param("id") long id, @Param("at") Instant at);

	@Modifying
	@Query("UPDATE account SET failed_attempts = 0, locked_until = NULL, version = version + 1 WHERE id = :id")
	void unlock(@Param("id") long id);

	@Modifying
	@Query("""
			UPDATE account SET password_hash = :hash, password_changed_at = :at, must_change_password = :mustChange,
			       failed_attempts = 0, locked_until = NULL, version = version + 1
			 WHERE id = :id""")
	void setPassword(@Param("id") long id, @Param("hash") String hash, @Param("at") Instant at,
			@Param("mustChange") boolean mustChange);

	@Modifying
	@Query("UPDATE account SET enabled = :enabled, version = version + 1 WHERE id = :id")
	void setEnabled(@Param("id") long id, @Param("enabled") boolean enabled);

	@Modifying
	@Query("""
			UPDATE account SET real_name = :name, post = :post, department = :department, phone_enc = :phoneEnc,
			       phone_hash = :phoneHash, phone_masked = :phoneMasked, profile_required = FALSE, version = version + 1
			 WHERE id = :id""")
	void completeStaffProfile(@Param("id") long id, @Param("name") String name, @Param("post") String post,
			@Param("department") String department, @Param("phoneEnc") String phoneEnc,
			@Param("phoneHash") String phoneHash, @Param("phoneMasked") String phoneMasked);

	@Query("SELECT login_name FROM account WHERE institution_id = :institution")
	List<String> loginNamesAt(@Param("institution") long institutionId);

	@Modifying
	@Query("UPDATE account SET phone_enc = :enc, phone_hash = :hash, phone_masked = :masked, version = version + 1 WHERE id = :id")
	void changePhone(@Param("id") long id, @Param("enc") String enc, @Param("hash") String hash,
			@Param("masked") String masked);

	@Query("SELECT password_hash FROM password_history WHERE account_id = :id ORDER BY created_at DESC, id DESC LIMIT :n")
	List<String> recentPasswordHashes(@Param("id") long id, @Param("n") int n);

	@Modifying
	@Query("INSERT INTO password_history (account_id, password_hash, created_at) VALUES (:id, :hash, :at)")
	void rememberPassword(@Param("id") long id, @Param("hash") String hash, @Param("at") Instant at);
}
