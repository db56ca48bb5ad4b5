package cn.medrecruit.profile;

import java.util.List;

import org.springframework.data.repository.CrudRepository;

interface WorkRecords extends CrudRepository<WorkRecord, Long> {

	List<WorkRecord> findByAccountIdOrderByStartMonth(Long accountId);
}
