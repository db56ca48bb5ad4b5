package cn.medrecruit.profile;

import java.util.List;

import org.springframework.data.repository.CrudRepository;

interface EducationRecords extends CrudRepository<EducationRecord, Long> {

	List<EducationRecord> findByAccountIdOrderByStartMonth(Long accountId);
}
