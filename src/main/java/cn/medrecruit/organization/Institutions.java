package cn.medrecruit.organization;

import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;
import org.springframework.data.repository.query.Param;

interface Institutions extends CrudRepository<Institution, Long> {

	Optional<Institution> findByCode(String code);

	boolean existsByName(String name);

	boolean existsByCode(String code);

	@Modifying
	@Query("DELETE FROM institution_name_gram WHERE institution_id = :id")
	void forgetNameGrams(@Param("id") long id);

	@Modifying
	@Query("INSERT INTO institution_name_gram (gram, institution_id) VALUES (:gram, :id)")
	void addNameGram(@Param("gram") String gram, @Param("id") long id);
}
